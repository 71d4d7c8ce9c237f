-- The demo clock (ks.demo.klocka, never in production), shared by every node on the database: the
-- node that moves it writes it here and every node follows within a second (demo.DemoKlocka).
-- tid null: real time. version counts the changes, so a node applies each change once.
create table demo_klocka (
    id        integer      not null,
    tid       timestamp with time zone,
    version   bigint       not null,
    constraint pk_demo_klocka primary key (id)
);
insert into demo_klocka (id, tid, version) values (1, null, 0);
