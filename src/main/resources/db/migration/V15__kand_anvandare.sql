-- The users and clients that have signed in with a token in the oidc profile (se.stockholm.ks.identitet.
-- Anvandarregister), as their latest token described them: what the engine's read-only identity provider
-- answers (a name in Tasklist and Admin, a user list, a user's groups) on every node and after a restart.
-- Written at login and, at most every few minutes per node, on a request with a session or a token.
-- No password column: the city's directory keeps the passwords. Empty in the other profiles.
create table kand_anvandare (
    id           varchar(255)  primary key,
    fornamn      varchar(255),
    efternamn    varchar(255),
    epost        varchar(320),
    -- the process's groups after the mapping table, comma-separated (ks-kansli,rotel-i)
    grupper      varchar(4000) not null,
    senast_sedd  timestamp with time zone not null
);
