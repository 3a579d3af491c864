%% Accounts of the amoc XMPP sandbox for ejabberd, read once from the accounts file named by the environment
%% variable AMOC_SANDBOX_ACCOUNTS ("user password" per line) into a persistent term: 20,000 accounts load in
%% milliseconds, where registering them one by one in Mnesia takes many seconds. Read-only; the passwords are
%% plain, so ejabberd offers PLAIN and SCRAM-SHA-1/256/512 (deriving the SCRAM keys at each login).
-module(ejabberd_auth_sandbox).
-behaviour(ejabberd_auth).

-export([start/1, stop/1, reload/1, plain_password_required/1, store_type/1, use_cache/1,
         get_password/2, user_exists/2, get_users/2, count_users/2,
         set_password/3, try_register/3, remove_user/2]).

start(Host) -> load(Host).
stop(Host) -> persistent_term:erase({?MODULE, Host}), ok.
reload(Host) -> load(Host).
plain_password_required(_Host) -> false.
store_type(_Host) -> plain.
use_cache(_Host) -> false.

get_password(User, Host) ->
    case maps:find(User, accounts(Host)) of
        {ok, Password} -> {nocache, {ok, Password}};
        error -> {nocache, error}
    end.

user_exists(User, Host) -> {nocache, maps:is_key(User, accounts(Host))}.
get_users(Host, _Options) -> [{User, Host} || User <- maps:keys(accounts(Host))].
count_users(Host, _Options) -> map_size(accounts(Host)).
set_password(_User, _Host, _Password) -> {nocache, {error, not_allowed}}.
try_register(_User, _Host, _Password) -> {nocache, {error, not_allowed}}.
remove_user(_User, _Host) -> {error, not_allowed}.

accounts(Host) -> persistent_term:get({?MODULE, Host}, #{}).

load(Host) ->
    {ok, Text} = file:read_file(os:getenv("AMOC_SANDBOX_ACCOUNTS")),
    Accounts = maps:from_list([list_to_tuple(binary:split(Line, <<" ">>))
                               || Line <- binary:split(Text, <<"\n">>, [global, trim_all])]),
    persistent_term:put({?MODULE, Host}, Accounts),
    ok.
