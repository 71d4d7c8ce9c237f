package se.stockholm.ks.behorighet;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import se.stockholm.ks.security.Grupper;

/**
 * The allowlist of the engine's REST API for everyone but {@code camunda-admin}: which methods on
 * which paths each kind of user may call, on {@code /engine-rest} and on the webapps' engine API
 * ({@code /camunda/api/engine/engine/default}). Paths are relative to the engine, e.g.
 * {@code /task/{id}/claim}. What is not listed is refused with 403 before the engine sees it; what
 * is listed still goes through the engine's own authorizations (which task, which instance).
 *
 * <ul>
 *   <li>{@link Roll#TJANSTEMAN} (every official's group): what Tasklist does — tasks of the user's
 *       groups (read, claim, unclaim, assign, complete, submit the form, comments, the task's
 *       variables), start forms, process definitions and forms, filters, users and groups, the
 *       case's instance and history for reading;</li>
 *   <li>{@link Roll#PROCESSAGARE}: what Cockpit reads — GET on the read resources and the POST
 *       queries, nothing that changes anything;</li>
 *   <li>{@link Roll#INTEGRATION}: what the API promises — start a skrivelse
 *       ({@code POST /process-definition/key/skrivelse/start}), read its process definition and
 *       instances; no message correlation, signal, condition, job or task (withdrawal and
 *       handlingar go through {@code /api/v1}).</li>
 * </ul>
 */
final class Motoranrop {

  /** The kinds of users the allowlist knows. */
  enum Roll {
    /** Every official's group (Tasklist). */
    TJANSTEMAN,
    /** {@code processagare} (Cockpit). */
    PROCESSAGARE,
    /** {@code integration} (service accounts). */
    INTEGRATION
  }

  private record Regel(Set<String> metoder, Pattern sokvag, Set<Roll> roller) {
  }

  private static final String ID = "[A-Za-z0-9_:.\\-]+";
  private static final Set<String> GET = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> POST = Set.of("POST");
  private static final Set<Roll> ALLA = Set.of(Roll.TJANSTEMAN, Roll.PROCESSAGARE, Roll.INTEGRATION);
  private static final Set<Roll> TJ = Set.of(Roll.TJANSTEMAN);
  private static final Set<Roll> TJ_PA = Set.of(Roll.TJANSTEMAN, Roll.PROCESSAGARE);

  private static final List<Regel> REGLER = List.of(
      // everyone: what the engine is
      regel(GET, "/(version|engine|engine/)?", ALLA),
      // integration: start a skrivelse, read its definition and instances (the README's calls)
      regel(POST, "/process-definition/key/skrivelse/start", Set.of(Roll.INTEGRATION)),
      regel(GET, "/process-definition/key/skrivelse", Set.of(Roll.INTEGRATION)),
      regel(GET, "/process-instance(/count|/" + ID + ")?", ALLA),
      regel(GET, "/history/process-instance(/count|/" + ID + ")?", ALLA),
      // officials (Tasklist) and process owners (Cockpit): reading
      regel(GET, "/task(/count)?", TJ_PA),
      regel(POST, "/task(/count)?", TJ_PA),
      regel(GET, "/task/" + ID + "(/form|/form-variables|/deployed-form|/rendered-form|/identity-links"
          + "|/comment(/" + ID + ")?|/attachment(/" + ID + "(/data)?)?"
          + "|/(local)?[vV]ariables(/[^/]+(/data)?)?)?", TJ_PA),
      regel(GET, "/process-definition(/count|/statistics)?", TJ_PA),
      regel(GET, "/process-definition/(key/" + ID + "(/tenant-id/" + ID + ")?|" + ID + ")"
          + "(/xml|/startForm|/form-variables|/deployed-start-form|/rendered-form|/diagram|/statistics"
          + "|/static-called-process-definitions)?", TJ_PA),
      regel(POST, "/process-instance(/count)?", TJ_PA),
      regel(GET, "/process-instance/" + ID + "/activity-instances", TJ_PA),
      regel(GET, "/history/(task|activity-instance|identity-link-log|user-operation|process-definition/" + ID
          + "/statistics)(/count)?", TJ_PA),
      regel(POST, "/history/(task|process-instance|activity-instance)(/count)?", TJ_PA),
      regel(GET, "/filter(/count|/" + ID + "(/list|/count|/singleResult)?)?", TJ_PA),
      regel(POST, "/filter/" + ID + "/(list|count|singleResult)", TJ_PA),
      regel(GET, "/(user|group)(/count)?", TJ_PA),
      regel(GET, "/user/" + ID + "/profile", TJ_PA),
      regel(GET, "/group/" + ID, TJ_PA),
      regel(GET, "/identity/groups", TJ_PA),
      regel(GET, "/deployment(/count|/" + ID + "(/resources(/" + ID + "(/data)?)?)?)?", TJ_PA),
      regel(GET, "/variable-instance(/count)?", TJ_PA),
      regel(POST, "/variable-instance(/count)?", TJ_PA),
      // officials (Tasklist): work on their tasks and start forms (the engine checks which)
      regel(POST, "/task/" + ID + "/(claim|unclaim|complete|submit-form|assignee|comment/create"
          + "|identity-links|identity-links/delete|localVariables|variables)", TJ),
      regel(Set.of("PUT", "DELETE"), "/task/" + ID + "/(local)?[vV]ariables/[^/]+", TJ),
      regel(Set.of("PUT"), "/task/" + ID, TJ), // due and follow-up dates in Tasklist
      regel(POST, "/task/" + ID + "/(local)?[vV]ariables/[^/]+/data", TJ),
      regel(POST, "/process-definition/(key/" + ID + "(/tenant-id/" + ID + ")?|" + ID + ")/(start|submit-form)", TJ),
      // process owners (Cockpit): the other read resources and their queries; the open tasks counted per
      // candidate group (Cockpit's Uppgifter page)
      regel(GET, "/task/report/candidate-group-count", Set.of(Roll.PROCESSAGARE)),
      regel(GET, "/(incident|job-definition|job|execution|decision-definition|decision-requirements-definition"
          + "|case-definition|batch|external-task|authorization|metrics|telemetry|history/[a-z\\-]+)(/.*)?",
          Set.of(Roll.PROCESSAGARE)),
      regel(POST, "/(job|execution|external-task|incident|job-definition|history/[a-z\\-]+)(/count)?",
          Set.of(Roll.PROCESSAGARE)));

  private Motoranrop() {
  }

  private static Regel regel(Set<String> metoder, String sokvag, Set<Roll> roller) {
    return new Regel(metoder, Pattern.compile(sokvag), roller);
  }

  /**
   * @param grupper the user's groups
   * @return the user's kinds; empty for a user in no group of the process
   */
  static Set<Roll> roller(List<String> grupper) {
    java.util.EnumSet<Roll> roller = java.util.EnumSet.noneOf(Roll.class);
    for (String g : grupper) {
      if (Grupper.INTEGRATION.equals(g)) {
        roller.add(Roll.INTEGRATION);
      } else if (Grupper.PROCESSAGARE.equals(g)) {
        roller.add(Roll.PROCESSAGARE);
      } else if (!Grupper.CAMUNDA_ADMIN.equals(g)) {
        roller.add(Roll.TJANSTEMAN);
      }
    }
    return roller;
  }

  /**
   * @param metod the HTTP method
   * @param sokvag the path relative to the engine, e.g. {@code /task/abc/claim}
   * @param roller the user's kinds
   * @return whether the allowlist lets the call through to the engine
   */
  static boolean tillatet(String metod, String sokvag, Set<Roll> roller) {
    for (Regel r : REGLER) {
      if (r.metoder().contains(metod) && r.sokvag().matcher(sokvag).matches()
          && r.roller().stream().anyMatch(roller::contains)) {
        return true;
      }
    }
    return false;
  }
}
