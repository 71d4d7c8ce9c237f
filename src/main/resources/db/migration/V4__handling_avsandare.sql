-- A handling's sender is written "namn (parti), roll": up to 200 + 5 + 2 + 60 characters. At 200 a
-- sender with the longest allowed name failed the registration (500 instead of a registered case).
alter table handling alter column avsandare set data type varchar(300);
