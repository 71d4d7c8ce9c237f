/**
 * Operations (drift): what the application does when the database goes away and comes back, and
 * when several nodes start at once. {@link se.stockholm.ks.drift.Databasvakt} probes the database
 * every second and is the health indicator {@code databas} (readiness); {@link
 * se.stockholm.ks.drift.DatabasFelFilter} answers every request that needs the database with 503
 * problem+json and {@code Retry-After} while it is away, and turns any error that escapes the
 * application's filters into problem+json; {@link se.stockholm.ks.drift.EngineRestDatabasfel} does
 * the same inside the engine's REST API; {@link se.stockholm.ks.drift.Startlas} lets one node at a
 * time create the engine's schema and run the migrations; {@link se.stockholm.ks.drift.EgenPool}
 * makes the small pools of their own (the probe's, the diarium's number series') with the
 * application pool's settings.
 *
 * <p>Depends only on Spring, Camunda and the JDBC driver; {@code api} uses {@link
 * se.stockholm.ks.drift.Databasfel} to answer 503.
 */
package se.stockholm.ks.drift;
