-- The officials' search text per ärende (issue 18): the rubrik and every handling's title, in the search's
-- normalized form (lower case, Unicode NFC: se.stockholm.ks.diarium.Diarium#soktext), kept by the diarium as
-- handlingar are registered. One narrow table (indexed with pg_trgm on PostgreSQL, V12_3) instead of a join
-- with a million handlingar per text search; not a column of arende, which it would make three times wider
-- for every other filter that reads the whole table. Filled for existing ärenden by V12_3.
create table arende_sok (
    arende_id  bigint          not null,
    sok_text   varchar(1000000) not null,
    constraint pk_arende_sok primary key (arende_id),
    constraint fk_arende_sok_arende foreign key (arende_id) references arende (id)
);
-- the filter "remitted to" (a REMISS handling to the remissinstans) from the index alone
create index ix_handling_typ_mottagare on handling (handlingstyp, mottagare, arende_id);
