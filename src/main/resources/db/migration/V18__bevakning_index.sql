-- Bevakning with 100,000 closed ärenden (issue 20, benchmark/bevakning): the lead times read, for each
-- ärende that came in in the period (ix_arende_inkom_datum), the first time of six event types. With
-- (arende_id, handelsetyp, tid) PostgreSQL reads those from the index alone, a few entries per ärende,
-- instead of every event row of the ärende from the table (16 and more per closed ärende).
create index ix_handelse_arende_typ_tid on arende_handelse (arende_id, handelsetyp, tid);
