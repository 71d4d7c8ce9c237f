-- Issue 18: secrecy marks and search.
-- sekretess: the OSL reference (e.g. "OSL 21 kap. 7 §") when the registrator has marked the handling or the
-- whole ärende secret, else null. Marking and unmarking are recorded as events in arende_handelse.
alter table handling add column sekretess varchar(100);
alter table arende add column sekretess varchar(100);
-- search and the public e-diarium: dates and the handlingar's kinds. The text filters' trigram indexes are
-- PostgreSQL's own (V12_1, a Java migration that does nothing on H2).
-- (the index on inkom_datum is V14's, the bevakning's)
create index ix_handling_datum on handling (datum, id);
create index ix_handling_typ on handling (handlingstyp, arende_id);
