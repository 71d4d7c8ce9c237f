package se.stockholm.ks.behorighet;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import se.stockholm.ks.drift.Databasfel;
import se.stockholm.ks.drift.FelhallandeSvar;
import se.stockholm.ks.security.Grupper;

/**
 * The gate in front of the engine's two REST doors, {@code /engine-rest/*} (HTTP Basic, after
 * Camunda's authentication filter) and the webapps' {@code /camunda/api/engine/*} (session).
 *
 * <ol>
 *   <li>Path tricks are refused for everyone with 400: encoded slashes, backslashes or dots
 *       ({@code %2F}, {@code %5C}, {@code %2E}), {@code ..}, {@code //} and path parameters
 *       ({@code ;}).</li>
 *   <li>Everyone but {@code camunda-admin} is held to {@link Motoranrop}'s allowlist; anything else
 *       is 403 problem+json before the engine sees it.</li>
 *   <li>A task's comments have the task's rights ({@link Kommentarskontroll}): reading or writing
 *       them without the right is 403 problem+json in Swedish, not the engine's 400.</li>
 *   <li>Error answers are rewritten by {@link Motorfel}: races 409 (also the engine's 403 for a task
 *       completed by someone else at the same moment), gone 404, odd input 400, never 500 and never
 *       a class name. An exception that escapes the engine's own handler becomes the same 400. A 503 (the database away, {@link se.stockholm.ks.drift}) passes unchanged, and so
 *       does a server error while the database does not answer (the outer filter answers it 503).</li>
 * </ol>
 */
public class MotorRestGrind extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(MotorRestGrind.class);

  private static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?(/.*)?$");
  private static final Pattern WEBAPP = Pattern.compile("^/camunda/api/engine(?:/engine/[^/]+)?(/.*)?$");
  private static final Pattern UPPGIFT = Pattern.compile("^/task/([^/]+)/(?:complete|submit-form|resolve)$");
  private static final Pattern TRICK = Pattern.compile("(?i)%2f|%5c|%2e|%00|%25|\\.\\.|//|;|\\\\");

  private final ProcessEngine engine;
  private final BooleanSupplier databasenSvarar;

  /**
   * @param engine the engine whose identities apply
   * @param databasenSvarar asked when the engine answered a server error: whether the database answers
   *     now (when it does not, the error passes unchanged, and {@link se.stockholm.ks.drift.DatabasFelFilter}
   *     answers 503)
   */
  public MotorRestGrind(ProcessEngine engine, BooleanSupplier databasenSvarar) {
    this.engine = engine;
    this.databasenSvarar = databasenSvarar;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    boolean webapp = uri.startsWith("/camunda/");
    Matcher m = (webapp ? WEBAPP : ENGINE_REST).matcher(uri);
    if (TRICK.matcher(uri).find() || !m.matches()) {
      Motorfel.problem(400, "ogiltig-adress", "Ogiltig adress",
          "Adressen innehåller otillåtna tecken eller sekvenser (t.ex. kodade snedstreck, '..' eller ';').",
          null, response);
      return;
    }
    String sokvag = m.group(1) == null ? "/" : m.group(1);
    Inloggad inloggad = inloggad(request, webapp);
    List<String> grupper = inloggad == null ? null : inloggad.grupper();
    if (grupper != null && !grupper.contains(Grupper.CAMUNDA_ADMIN)
        && !Motoranrop.tillatet(request.getMethod().toUpperCase(Locale.ROOT), sokvag, Motoranrop.roller(grupper))) {
      LOG.info("Processmotorns API: {} {} nekades (utanför tillåtelselistan för grupperna {})",
          request.getMethod(), sokvag, grupper);
      Motorfel.problem(403, "ej-behorig", "Ej behörig",
          "Din roll får inte anropa " + request.getMethod() + " " + sokvag + " i processmotorns API. "
              + "Vad varje grupp får göra står i README (Behörigheter).", uri, response);
      return;
    }
    String metod = request.getMethod().toUpperCase(Locale.ROOT);
    if (inloggad != null && Kommentarskontroll.galler(metod, sokvag)) {
      switch (Kommentarskontroll.prova(engine, inloggad.anvandare(), grupper, metod, sokvag)) {
        case NEKAD -> {
          LOG.info("Processmotorns API: {} {} nekades {} (uppgiftens behörighet)", metod, sokvag, inloggad.anvandare());
          Motorfel.problem(403, "ej-behorig", "Ej behörig",
              "POST".equals(metod)
                  ? "Du får inte kommentera uppgiften: bara den som får arbeta med uppgiften får kommentera den."
                  : "Du får inte läsa uppgiftens kommentarer: de har samma behörighet som uppgiften.",
              uri, response);
          return;
        }
        case FINNS_INTE -> {
          Motorfel.problem(404, "finns-inte", "Finns inte",
              "Uppgiften finns inte (längre); den kan redan vara slutförd.", uri, response);
          return;
        }
        default -> {
          // the engine handles it
        }
      }
    }
    FelhallandeSvar svar = new FelhallandeSvar(response, 400, true);
    try {
      chain.doFilter(request, svar);
    } catch (IOException | ServletException | RuntimeException e) {
      if (response.isCommitted() || Databasfel.arOtillganglig(e)) {
        throw e; // a database outage is answered 503 by DatabasFelFilter
      }
      LOG.warn("Processmotorns API: {} {} gav {}", request.getMethod(), uri, e.toString());
      Motorfel.skriv(500, "{\"type\":\"ProcessEngineException\",\"message\":\"" 
          + Motorfel.rensa(String.valueOf(e.getMessage())).replace("\\", "").replace("\"", "'") + "\"}",
          uri, response);
      return;
    }
    if (svar.haller() && !response.isCommitted()) {
      if (svar.getStatus() >= 500 && svar.getStatus() != 503 && !databasenSvarar.getAsBoolean()) {
        LOG.info("Processmotorns API: {} {} gav {} när databasen inte svarar", request.getMethod(), uri, svar.getStatus());
        Motorfel.skrivOforandrat(svar.getStatus(), svar.kropp(), response); // DatabasFelFilter answers 503
        return;
      }
      if (svar.getStatus() >= 500) {
        LOG.info("Processmotorns API: {} {} gav {}: {}", request.getMethod(), uri, svar.getStatus(), svar.kropp());
      }
      if (svar.getStatus() == 403 && slutfordUnderTiden(sokvag, svar.kropp())) {
        LOG.info("Processmotorns API: {} {} kom efter att uppgiften slutförts av någon annan", metod, uri);
        Motorfel.problem(409, "uppgiften-andrad", "Någon annan hann före",
            "Uppgiften slutfördes samtidigt av någon annan. Din begäran ändrade ingenting; läs in uppgiftslistan på nytt.",
            uri, response);
        return;
      }
      Motorfel.skriv(svar.getStatus(), svar.kropp(), uri, response);
    }
  }

  /**
   * Whether an engine's 403 on a task is a race, not a lack of rights: when a task is completed, the
   * engine deletes its per-task authorizations, so a second, simultaneous completion fails the
   * authorization check instead of finding the task gone. That request is answered 409 like the
   * other races.
   *
   * @param sokvag the path inside the engine's API, e.g. {@code /task/{id}/submit-form}
   * @param kropp the engine's answer
   * @return true when the answer is an {@code AuthorizationException} for a task that no longer exists
   */
  private boolean slutfordUnderTiden(String sokvag, String kropp) {
    Matcher uppgift = UPPGIFT.matcher(sokvag);
    if (!uppgift.matches() || kropp == null || !kropp.contains("AuthorizationException")) {
      return false;
    }
    String id = uppgift.group(1);
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return cfg.getCommandExecutorTxRequired().execute(ctx -> {
      ctx.disableAuthorizationCheck();
      try {
        return ctx.getTaskManager().findTaskById(id) == null;
      } finally {
        ctx.enableAuthorizationCheck();
      }
    });
  }

  /** The authenticated user of a request and the user's groups. */
  private record Inloggad(String anvandare, List<String> grupper) {
  }

  /**
   * @return the authenticated user, or null when nobody is authenticated (the door answers 401
   *     itself)
   */
  private Inloggad inloggad(HttpServletRequest request, boolean webapp) {
    if (!webapp) {
      var auth = engine.getIdentityService().getCurrentAuthentication();
      return auth == null ? null
          : new Inloggad(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications all = AuthenticationUtil.getAuthsFromSession(session);
    Authentication a = all == null ? null : all.getAuthenticationForProcessEngine(engine.getName());
    if (a instanceof UserAuthentication user) {
      return new Inloggad(user.getName(), user.getGroupIds() == null ? List.of() : user.getGroupIds());
    }
    return null;
  }
}
