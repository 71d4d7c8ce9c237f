package se.stockholm.ks.behorighet;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The task's rights for its comments, checked at the engine's REST doors before the engine's own
 * resource sees the request (issue 23). The engine's resource looks the task up first and answers
 * 400 ("No task found", "Not enough parameters submitted") when the user cannot see it or when
 * {@link KommentarBehorighet} refuses the comment; this check answers instead:
 *
 * <ul>
 *   <li>{@code POST /task/{id}/comment/create}: the right to work on the task (as completing it);</li>
 *   <li>{@code GET /task/{id}/comment} and {@code GET /task/{id}/comment/{commentId}} of an open task:
 *       the right to read it.</li>
 * </ul>
 * A refusal is 403 problem+json in Swedish; a comment on a task that is not open is 404. What is not
 * refused here goes on to the engine (where {@link KommentarBehorighet} holds the same rules for the
 * Java API and for tasks no longer open).
 */
final class Kommentarskontroll {

  private static final Pattern KOMMENTAR = Pattern.compile("^/task/([^/]+)/comment(?:/([^/]+))?/?$");

  /** The outcome of a check: go on, or answer with a status. */
  enum Utfall { VIDARE, NEKAD, FINNS_INTE }

  private Kommentarskontroll() {
  }

  /**
   * @param metod the HTTP method, upper case
   * @param sokvag the path within the engine's API, e.g. {@code /task/abc/comment/create}
   * @return whether the request is about a task's comments
   */
  static boolean galler(String metod, String sokvag) {
    return ("GET".equals(metod) || "POST".equals(metod)) && KOMMENTAR.matcher(sokvag).matches();
  }

  /**
   * Checks a comment request as the given user.
   *
   * @param engine the engine
   * @param anvandare the authenticated user's id
   * @param grupper the user's groups
   * @param metod the HTTP method, upper case
   * @param sokvag the path within the engine's API (one that {@link #galler} accepts)
   * @return {@link Utfall#VIDARE} when the engine may handle it, else the refusal
   */
  static Utfall prova(ProcessEngine engine, String anvandare, List<String> grupper, String metod, String sokvag) {
    Matcher m = KOMMENTAR.matcher(sokvag);
    if (!m.matches()) {
      return Utfall.VIDARE;
    }
    String taskId = m.group(1);
    boolean skriv = "POST".equals(metod);
    if (skriv && !"create".equals(m.group(2))) {
      return Utfall.VIDARE; // not an endpoint of the engine: it answers 404/405 itself
    }
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!cfg.isAuthorizationEnabled()) {
      return Utfall.VIDARE;
    }
    IdentityService identiteter = engine.getIdentityService();
    Authentication tidigare = identiteter.getCurrentAuthentication();
    identiteter.setAuthentication(anvandare, grupper);
    try {
      return cfg.getCommandExecutorTxRequired().execute(context -> {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
          return skriv ? Utfall.FINNS_INTE : Utfall.VIDARE; // comments of a closed task: KommentarBehorighet
        }
        try {
          for (CommandChecker c : context.getProcessEngineConfiguration().getCommandCheckers()) {
            c.checkReadTask(task);
            if (skriv) {
              c.checkTaskWork(task);
            }
          }
          return Utfall.VIDARE;
        } catch (AuthorizationException e) {
          return Utfall.NEKAD;
        }
      });
    } finally {
      if (tidigare == null) {
        identiteter.clearAuthentication();
      } else {
        identiteter.setAuthentication(tidigare);
      }
    }
  }
}
