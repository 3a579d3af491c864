-- Accounts of the amoc XMPP sandbox for Prosody, read once from the accounts file: "user password" per line.
--
-- PLAIN compares the password. SCRAM-SHA-1 and SCRAM-SHA-256 use stored credentials (salt, iteration count,
-- StoredKey, ServerKey), as a production server keeps them: they are derived from the password on a user's first
-- SCRAM login with that hash and kept for the server's life, so that a later login costs the server no PBKDF2.
-- Deriving them for 20,000 accounts at start would cost about 1 ms each per hash (about 40 s); Prosody's own
-- "plain" profile instead derives them at every login, with 10,000 iterations.
local new_sasl = require "util.sasl".new;
local saslprep = require "util.encodings".stringprep.saslprep;
local hashes = require "util.hashes";
local scram = require "util.sasl.scram";
local generate_uuid = require "util.uuid".generate;

local ITERATIONS = module:get_option_number("sandbox_scram_iterations", 4096);

local accounts = {};
local file = assert(io.open(module:get_option_string("sandbox_accounts_file"), "r"));
for line in file:lines() do
	local user, password = line:match("^(%S+)%s+(%S+)$");
	if user then accounts[user] = password; end
end
file:close();

-- One table of stored credentials per SCRAM hash: username -> { stored_key, server_key, salt }.
local function stored_credentials(derive)
	local stored = {};
	return function (_, username)
		local credentials = stored[username];
		if not credentials then
			local password = accounts[username];
			if not password then return nil, nil, nil, nil, nil; end
			local salt = generate_uuid();
			local ok, stored_key, server_key = derive(password, salt, ITERATIONS);
			if not ok then return nil, nil, nil, nil, nil; end
			credentials = { stored_key, server_key, salt };
			stored[username] = credentials;
		end
		return credentials[1], credentials[2], ITERATIONS, credentials[3], true;
	end
end

local profile = {
	plain_test = function (_, username, password)
		local stored = accounts[username];
		if not stored then return false, nil; end
		return hashes.equals(saslprep(password) or "", stored), true;
	end;
	scram_sha_1 = stored_credentials(scram.get_hash(hashes.sha1, hashes.hmac_sha1, hashes.pbkdf2_hmac_sha1));
	scram_sha_256 = stored_credentials(scram.get_hash(hashes.sha256, hashes.hmac_sha256, hashes.pbkdf2_hmac_sha256));
};

local provider = {};
function provider.test_password(username, password)
	local stored = accounts[username];
	if stored and hashes.equals(saslprep(password) or "", stored) then return true; end
	return nil, "Auth failed. Invalid username or password.";
end
function provider.get_password(username) return accounts[username]; end
function provider.set_password() return nil, "The sandbox's accounts are read-only."; end
function provider.user_exists(username) return accounts[username] ~= nil; end
function provider.users() return next, accounts, nil; end
function provider.create_user() return nil, "The sandbox's accounts are read-only."; end
function provider.delete_user() return nil, "The sandbox's accounts are read-only."; end
function provider.get_sasl_handler() return new_sasl(module.host, profile); end
module:provides("auth", provider);
