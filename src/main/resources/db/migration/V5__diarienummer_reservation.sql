-- A diarienummer is taken in a short transaction of its own and the ärende's row written at once with
-- status REGISTRERAS; the registration's own transaction then makes it PAGAENDE. A registration that
-- fails after that leaves the number MAKULERAT, with an event saying why: the series has no gaps and no
-- number is handed out twice, and the series' row lock is held for a millisecond instead of a whole start.
-- reserverad_tid is wall-clock time (never the demo clock): a row still REGISTRERAS long after it is
-- left by a node that died mid-registration and is made MAKULERAT by Nummerserie's sweep.
alter table arende add column reserverad_tid timestamp with time zone;
create index ix_arende_registreras on arende (status, reserverad_tid);
