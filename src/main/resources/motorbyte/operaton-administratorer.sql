-- Byte från Camunda 7.24 till Operaton 1.0 på samma databas (README, "Processmotorer"): det enda som ändras.
-- Operaton känner administratörsgruppen som operaton-admin (Camunda: camunda-admin), och Operatons
-- Spring Boot-start lägger bara till administratören när användaren inte finns. Den här satsen ger varje
-- medlem i camunda-admin samma medlemskap i operaton-admin. Den tål att köras flera gånger och ändrar
-- ingen tabellstruktur (ACT_-tabellerna är desamma i båda motorerna). Körs innan Operaton-bygget startas,
-- t.ex. psql -f operaton-administratorer.sql; MotorbytePostgresIT kör just denna fil.
insert into ACT_ID_GROUP (ID_, REV_, NAME_, TYPE_)
  select 'operaton-admin', 1, NAME_, TYPE_ from ACT_ID_GROUP
  where ID_ = 'camunda-admin'
    and not exists (select 1 from ACT_ID_GROUP where ID_ = 'operaton-admin');
insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_)
  select m.USER_ID_, 'operaton-admin' from ACT_ID_MEMBERSHIP m
  where m.GROUP_ID_ = 'camunda-admin'
    and not exists (select 1 from ACT_ID_MEMBERSHIP o where o.USER_ID_ = m.USER_ID_ and o.GROUP_ID_ = 'operaton-admin');
