-- Lets every user of the sandbox's domain create nodes on Prosody's publish-subscribe component, as ejabberd's
-- default (access_createnode: local users) does; Prosody lets only admins create by default. The creator owns
-- the node it creates; every other permission is Prosody's own.
local jid_host = require "util.jid".host;

local user_domain = module:get_option_string("sandbox_user_domain", "localhost");
local service = module:depends("pubsub").get_service();
local affiliation_of = service.config.get_affiliation;

service.config.get_affiliation = function (jid, node, action)
	if action == "create" and jid_host(jid) == user_domain then
		return "owner";
	end
	return affiliation_of(jid, node, action);
end
