-- Bevakning (se.stockholm.ks.bevakning): lead times are read for the ärenden that came in in a period;
-- with 100,000 closed ärenden the period's rows are found through this index, not by reading them all.
create index ix_arende_inkom_datum on arende (inkom_datum);
