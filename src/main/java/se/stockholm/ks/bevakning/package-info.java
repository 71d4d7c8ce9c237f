/**
 * Bevakning: what the kansli and the process owners watch — open ärenden per phase, remisser due
 * this week and overdue per remissinstans, särskilda uttalanden due, and lead times in working days
 * from inkom to each milestone ({@link se.stockholm.ks.bevakning.Bevakning}); the page
 * {@code /bevakning} and the REST resource {@code /api/v1/bevakning} ({@link
 * se.stockholm.ks.bevakning.BevakningController}).
 *
 * <p>Reads the engine's runtime (open cases only) and the diarium's events; writes nothing. The
 * operations gauges ({@link se.stockholm.ks.drift}) use the same counts.
 */
package se.stockholm.ks.bevakning;
