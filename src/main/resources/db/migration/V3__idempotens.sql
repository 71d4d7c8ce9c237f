-- Idempotency-Key for POST requests of integrations: the first answer is kept and replayed.
create table idempotens (
    nyckel          varchar(200)  not null,
    anvandare       varchar(100)  not null,
    begaran_hash    varchar(64)   not null,
    status          varchar(10)   not null,
    svar_status     integer,
    svar_location   varchar(500),
    svar_innehall   text,
    skapad          timestamp with time zone not null,
    constraint pk_idempotens primary key (anvandare, nyckel)
);
