-- The officials' search text per ärende (issue 18): the rubrik and every handling's title, in the search's
-- normalized form (lower case, Unicode NFC: se.stockholm.ks.diarium.Diarium#soknormalisera), kept by the diarium
-- as handlingar are registered. One column of the ärende (indexed with pg_trgm on PostgreSQL, V12_3) instead of
-- a join with a million handlingar per text search. Filled for existing ärenden by V12_3.
alter table arende add column sok_text varchar(1000000);
-- the filter "remitted to" (a REMISS handling to the remissinstans) from the index alone
create index ix_handling_typ_mottagare on handling (handlingstyp, mottagare, arende_id);
