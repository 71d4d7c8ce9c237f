package se.stockholm.ks.bevakning;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.organisation.Organisation;
import se.stockholm.ks.security.Grupper;

/**
 * The counts and lists of the bevakning view, read from the engine's runtime (open cases only, so
 * the queries stay small however many ärenden are closed) and from the diarium's events (lead
 * times, limited to the chosen period by the index on {@code arende.inkom_datum}).
 *
 * <p>The caller decides who may see it ({@link BevakningController}: {@code ks-kansli},
 * {@code processagare}, administrators); the aggregates are read past the engine's per-task
 * authorizations (a remissinstans's task is not a kansli user's task, but its due date is the
 * kansli's concern), and they hold no variables and no texts, only dnr, rubrik, group and dates.
 * All dates and weeks are in Europe/Stockholm.
 */
@Service
public class Bevakning {

  /** The remissinstans's task in {@code bpmn/remiss.bpmn}: its due date is the end of svarsdatum. */
  static final String SKRIV_TJANSTUTLATANDE = "Task_SkrivTjanstutlatande";
  /** A party's task in {@code bpmn/borgarradsberedning.bpmn}. */
  static final String LAMNA_SARSKILT_UTTALANDE = "Task_LamnaSarskiltUttalande";
  static final String SKRIVELSE = "skrivelse";

  /** The milestones of the lead times: the first event of the type in the ärende counts. */
  public enum Milstolpe {
    FORDELNING("fördelning", Handelsetyp.FORDELAT),
    REMISS("remiss", Handelsetyp.REMITTERAT),
    PROMEMORIA("promemoria", Handelsetyp.PROMEMORIA_UPPRATTAD),
    BRB("borgarrådsberedningen", Handelsetyp.BRB_TILLSTYRKT),
    KS("beslut i kommunstyrelsen", Handelsetyp.KS_BESLUT),
    AVSLUTAT("avslutat", Handelsetyp.AVSLUTAT);

    private final String text;
    private final Handelsetyp handelse;

    Milstolpe(String text, Handelsetyp handelse) {
      this.text = text;
      this.handelse = handelse;
    }

    /** @return the Swedish name shown to people */
    public String text() {
      return text;
    }

    /** @return the diarium event that marks the milestone */
    public Handelsetyp handelse() {
      return handelse;
    }
  }

  /**
   * Open ärenden in one phase.
   *
   * @param fas the phase's key ({@link Fas#nyckel()})
   * @param namn the phase in Swedish
   * @param antal the number of open ärenden in it
   */
  public record FasAntal(String fas, String namn, long antal) {
  }

  /**
   * One open task with a due date (a remiss or a särskilt uttalande).
   *
   * @param diarienummer the ärende's dnr, e.g. {@code KS 2026/12}
   * @param rubrik the ärende's rubrik
   * @param grupp the group that has the task (remissinstans or party)
   * @param namn the group's name
   * @param forfaller the due date (the day, Europe/Stockholm)
   * @param forsenad true when the due date has passed
   */
  public record Bevakningsrad(String diarienummer, String rubrik, String grupp, String namn, LocalDate forfaller,
                              boolean forsenad) {
  }

  /**
   * The remisser of one remissinstans.
   *
   * @param grupp the remissinstans's group
   * @param namn its name
   * @param forsenade remisser whose svarsdatum has passed without a tjänsteutlåtande
   * @param dennaVecka remisser due from now to Sunday of this week
   */
  public record RemissinstansLage(String grupp, String namn, long forsenade, long dennaVecka) {
  }

  /**
   * Something missing for a meeting or for an ärende on its list.
   *
   * @param typ what is missing: {@code foredragningslista}, {@code promemoria}, {@code tillstyrkan},
   *     {@code arendedokument}, {@code sarskilt-uttalande}, {@code utfall}, {@code justering} or {@code anslag}
   * @param text what is missing, in Swedish
   * @param senast the last day it should be done (Europe/Stockholm), or null
   * @param forsenad true when that day has passed
   */
  public record Brist(String typ, String text, LocalDate senast, boolean forsenad) {
  }

  /**
   * An ärende on a meeting's föredragningslista.
   *
   * @param diarienummer its dnr
   * @param rubrik its rubrik
   * @param status where it stands at the meeting ({@code anmalt}, {@code bordlagt}, {@code tillstyrkt}, …)
   * @param statusText the same in Swedish
   * @param saknas what is missing for it, empty when nothing
   */
  public record Motesarende(String diarienummer, String rubrik, String status, String statusText, List<Brist> saknas) {
  }

  /**
   * A meeting of borgarrådsberedningen or kommunstyrelsen and what is missing for it.
   *
   * @param organ {@code BRB} or {@code KS}
   * @param namn the organ in Swedish
   * @param datum the meeting day
   * @param status where the meeting is ({@code planerat}, {@code foredragningslista_faststalld}, {@code hallet},
   *     {@code protokoll_justerat}, {@code anslaget})
   * @param statusText the same in Swedish
   * @param antalArenden the ärenden on its list (not those avförda)
   * @param saknas what is missing for the meeting itself
   * @param arenden the ärenden on its list, in the list's order
   */
  public record Sammantradeslage(String organ, String namn, LocalDate datum, String status, String statusText,
                                 int antalArenden, List<Brist> saknas, List<Motesarende> arenden) {
  }

  /**
   * What is open now.
   *
   * @param tid when it was read
   * @param oppnaPerFas open ärenden per phase, in the process's order
   * @param remissinstanser per remissinstans with a remiss overdue or due this week
   * @param remisser the overdue remisser and those due this week, earliest first
   * @param sarskildaUttalanden the open särskilda uttalanden, earliest due first
   * @param sammantraden the coming meetings of BRB and KS and the held ones with work left, and what is
   *     missing for each ({@link Motesbevakning}), by date
   */
  public record Lage(OffsetDateTime tid, List<FasAntal> oppnaPerFas, List<RemissinstansLage> remissinstanser,
                     List<Bevakningsrad> remisser, List<Bevakningsrad> sarskildaUttalanden,
                     List<Sammantradeslage> sammantraden) {
  }

  /**
   * The lead time to one milestone.
   *
   * @param milstolpe the milestone's key
   * @param namn the milestone in Swedish
   * @param antal how many of the period's ärenden reached it
   * @param median the median, in working days from inkom (null when none reached it)
   * @param percentil90 the 90th percentile (nearest rank), in working days (null when none)
   */
  public record Ledtid(String milstolpe, String namn, int antal, Double median, Integer percentil90) {
  }

  /**
   * Lead times over a period.
   *
   * @param fran the first inkom date counted
   * @param till the last inkom date counted
   * @param arenden the number of ärenden that came in in the period
   * @param ledtider per milestone
   */
  public record Ledtider(LocalDate fran, LocalDate till, int arenden, List<Ledtid> ledtider) {
  }

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final Organisation organisation;
  private final Arbetsdagskalender kalender;
  private final JdbcClient jdbc;
  private final Motesbevakning motesbevakning;

  Bevakning(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
            Organisation organisation, Arbetsdagskalender kalender, JdbcClient jdbc, Motesbevakning motesbevakning) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.organisation = organisation;
    this.kalender = kalender;
    this.jdbc = jdbc;
    this.motesbevakning = motesbevakning;
  }

  /** The groups that see the bevakning (the page and {@code /api/v1/bevakning}). */
  public static final List<String> GRUPPER = List.of(Grupper.KS_KANSLI, Grupper.PROCESSAGARE, Grupper.CAMUNDA_ADMIN);

  /**
   * @param inloggad the caller's engine authentication (set by the API's and pages' login filter)
   * @return true when the caller belongs to one of {@link #GRUPPER}
   */
  public static boolean farSe(Authentication inloggad) {
    return inloggad != null && inloggad.getGroupIds() != null
        && inloggad.getGroupIds().stream().anyMatch(GRUPPER::contains);
  }

  /**
   * @param inloggad the caller's engine authentication
   * @throws AuthorizationException when the caller may not see the bevakning (403)
   */
  public static void kravBehorighet(Authentication inloggad) {
    if (!farSe(inloggad)) {
      throw new AuthorizationException("Bevakningen visas bara för KS kansli och processägare.");
    }
  }

  /** @return open ärenden per phase (one count query per phase on the engine's runtime) */
  public Map<Fas, Long> oppnaPerFas() {
    return somSystemet(() -> {
      Map<Fas, Long> antal = new EnumMap<>(Fas.class);
      for (Fas fas : Fas.values()) {
        antal.put(fas, runtimeService.createProcessInstanceQuery().processDefinitionKey(SKRIVELSE)
            .activityIdIn(fas.aktiviteter().toArray(String[]::new)).count());
      }
      return antal;
    });
  }

  /** @return the number of remisser whose svarsdatum has passed without a tjänsteutlåtande */
  public long forsenadeRemisser() {
    return somSystemet(() -> taskService.createTaskQuery().taskDefinitionKey(SKRIV_TJANSTUTLATANDE)
        .dueBefore(Date.from(Diarium.nu().toInstant())).count());
  }

  /** @return what is open now: phases, remisser, särskilda uttalanden and the meetings with what they miss */
  public Lage lage() {
    return somSystemet(() -> {
      OffsetDateTime nu = Diarium.nu();
      Date veckansSlut = Date.from(veckansSlut(nu).toInstant());
      List<FasAntal> faser = new ArrayList<>();
      oppnaPerFas().forEach((fas, antal) -> faser.add(new FasAntal(fas.nyckel(), fas.text(), antal)));

      Map<String, String> remissinstanser = new LinkedHashMap<>();
      organisation.remissinstanser().forEach(r -> remissinstanser.putIfAbsent(r.grupp(), r.namn()));
      List<Task> remissuppgifter = taskService.createTaskQuery().taskDefinitionKey(SKRIV_TJANSTUTLATANDE)
          .dueBefore(veckansSlut).orderByDueDate().asc().list();
      List<Bevakningsrad> remisser = rader(remissuppgifter, remissinstanser, nu);
      List<RemissinstansLage> perInstans = new ArrayList<>();
      Map<String, long[]> antal = new LinkedHashMap<>();
      for (Bevakningsrad rad : remisser) {
        antal.computeIfAbsent(rad.grupp(), g -> new long[2])[rad.forsenad() ? 0 : 1]++;
      }
      antal.forEach((grupp, a) -> perInstans.add(
          new RemissinstansLage(grupp, remissinstanser.getOrDefault(grupp, grupp), a[0], a[1])));

      Map<String, String> partier = new HashMap<>();
      organisation.partier().forEach(p -> partier.put(p.grupp(), p.namn()));
      List<Task> uttalanden = taskService.createTaskQuery().taskDefinitionKey(LAMNA_SARSKILT_UTTALANDE)
          .orderByDueDate().asc().list();
      List<Bevakningsrad> sarskilda = rader(uttalanden, partier, nu);
      LocalDate idag = nu.atZoneSameInstant(Diarium.STOCKHOLM).toLocalDate();
      return new Lage(nu, faser, perInstans, remisser, sarskilda, motesbevakning.sammantraden(idag, sarskilda));
    });
  }

  /**
   * Lead times from inkom to each milestone for the ärenden that came in in the period, in working
   * days ({@link Arbetsdagskalender#arbetsdagarMellan}: the inkom day not counted, the milestone's
   * day counted; a milestone on the inkom day is 0). Voided numbers are not counted.
   *
   * @param fran the first inkom date (inclusive)
   * @param till the last inkom date (inclusive)
   * @return count, median and 90th percentile (nearest rank) per milestone
   * @throws IllegalArgumentException when {@code till} is before {@code fran}, or the period is longer
   *     than ten years
   */
  public Ledtider ledtider(LocalDate fran, LocalDate till) {
    if (till.isBefore(fran)) {
      throw new IllegalArgumentException("Periodens slut (till) är före dess början (fran).");
    }
    if (fran.plusYears(10).isBefore(till)) {
      throw new IllegalArgumentException("Perioden får vara högst tio år.");
    }
    Map<Long, LocalDate> inkom = new HashMap<>();
    jdbc.sql(LEDTIDER_ARENDEN).param("fran", fran).param("till", till).param("statusar", RAKNADE_STATUSAR)
        .query(rs -> {
          inkom.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
        });
    Arbetsdagsraknare raknare = new Arbetsdagsraknare(kalender, fran);
    // the first time of each milestone per ärende (the rows come unordered; the smallest is kept)
    Map<Long, OffsetDateTime[]> forsta = new HashMap<>();
    Milstolpe[] milstolpar = Milstolpe.values();
    Map<String, Integer> index = new HashMap<>();
    for (Milstolpe m : milstolpar) {
      index.put(m.handelse().name(), m.ordinal());
    }
    jdbc.sql(LEDTIDER_HANDELSER).param("fran", fran).param("till", till)
        .query(rs -> {
          OffsetDateTime[] tider = forsta.computeIfAbsent(rs.getLong(1), k -> new OffsetDateTime[milstolpar.length]);
          int i = index.get(rs.getString(2));
          OffsetDateTime tid = rs.getObject(3, OffsetDateTime.class);
          if (tider[i] == null || tid.isBefore(tider[i])) {
            tider[i] = tid;
          }
        });
    Map<Handelsetyp, List<Integer>> dagar = new EnumMap<>(Handelsetyp.class);
    forsta.forEach((arende, tider) -> {
      LocalDate start = inkom.get(arende);
      if (start == null) {
        return; // not counted (being registered, voided)
      }
      for (Milstolpe m : milstolpar) {
        OffsetDateTime tid = tider[m.ordinal()];
        if (tid != null) {
          dagar.computeIfAbsent(m.handelse(), t -> new ArrayList<>())
              .add(raknare.mellan(start, tid.atZoneSameInstant(Diarium.STOCKHOLM).toLocalDate()));
        }
      }
    });
    List<Ledtid> ledtider = new ArrayList<>();
    for (Milstolpe m : Milstolpe.values()) {
      List<Integer> d = dagar.getOrDefault(m.handelse(), List.of()).stream().sorted().toList();
      ledtider.add(new Ledtid(m.name().toLowerCase(java.util.Locale.ROOT), m.text(), d.size(), median(d),
          percentil(d, 90)));
    }
    return new Ledtider(fran, till, inkom.size(), ledtider);
  }

  /** The statuses of the ärenden counted in lead times (not those being registered or voided). */
  static final List<String> RAKNADE_STATUSAR = List.of("PAGAENDE", "BESLUTAT", "AVSLUTAT", "ATERKALLAT");

  /** The ärenden of the period (index {@code ix_arende_inkom_datum}). */
  static final String LEDTIDER_ARENDEN =
      "select id, inkom_datum from arende where inkom_datum between :fran and :till and status in (:statusar)";

  /**
   * The milestones' events of the period's ärenden: for each ärende of the period (by
   * {@code ix_arende_inkom_datum}) its events of the six milestone types, read from the partial index
   * {@code ix_handelse_milstolpe} alone (V18: only those types, with the time), not from the table. The
   * types are written into the statement, not bound, so that PostgreSQL can match the index's condition
   * also in a generic plan; they are the enum's names, never input. The first time per ärende and type
   * is taken in Java (no aggregate in the database, which would spill to disk for long periods).
   */
  static final String LEDTIDER_HANDELSER = "select h.arende_id, h.handelsetyp, h.tid from arende a"
      + " join arende_handelse h on h.arende_id = a.id and h.handelsetyp in ("
      + java.util.Arrays.stream(Milstolpe.values()).map(m -> "'" + m.handelse().name() + "'")
          .collect(java.util.stream.Collectors.joining(", "))
      + ") where a.inkom_datum between :fran and :till";

  /**
   * Working days between two dates as {@link Arbetsdagskalender#arbetsdagarMellan}, each day of the
   * calendar looked at once however many ärenden are counted: the number of working days from a base
   * day to each day is kept in an array, and a count is the difference of two entries. Days before the
   * base are counted by the calendar itself.
   */
  static final class Arbetsdagsraknare {
    private final Arbetsdagskalender kalender;
    private final LocalDate bas;
    private int[] franBas = new int[0];

    Arbetsdagsraknare(Arbetsdagskalender kalender, LocalDate bas) {
      this.kalender = kalender;
      this.bas = bas;
    }

    /**
     * @param franExklusive the first day, not counted
     * @param tillInklusive the last day, counted
     * @return the working days, as {@link Arbetsdagskalender#arbetsdagarMellan}
     */
    int mellan(LocalDate franExklusive, LocalDate tillInklusive) {
      if (franExklusive.isBefore(bas) || tillInklusive.isBefore(bas)) {
        return kalender.arbetsdagarMellan(franExklusive, tillInklusive);
      }
      return franBas(tillInklusive) - franBas(franExklusive);
    }

    private int franBas(LocalDate dag) {
      int i = (int) java.time.temporal.ChronoUnit.DAYS.between(bas, dag);
      if (i >= franBas.length) {
        int[] storre = java.util.Arrays.copyOf(franBas, Math.max(i + 1, franBas.length * 2 + 366));
        for (int j = franBas.length; j < storre.length; j++) {
          storre[j] = j == 0 ? 0 : storre[j - 1] + (kalender.arArbetsdag(bas.plusDays(j)) ? 1 : 0);
        }
        franBas = storre;
      }
      return franBas[i];
    }
  }

  /**
   * @param sorterade values in ascending order
   * @return the median (the mean of the two middle values for an even count), null for none
   */
  static Double median(List<Integer> sorterade) {
    int n = sorterade.size();
    if (n == 0) {
      return null;
    }
    return n % 2 == 1 ? sorterade.get(n / 2) : (sorterade.get(n / 2 - 1) + sorterade.get(n / 2)) / 2.0;
  }

  /**
   * @param sorterade values in ascending order
   * @param p the percentile, 1–100
   * @return the nearest-rank percentile (the smallest value with at least p % at or below it), null for none
   */
  static Integer percentil(List<Integer> sorterade, int p) {
    if (sorterade.isEmpty()) {
      return null;
    }
    int rang = (int) Math.ceil(p / 100.0 * sorterade.size());
    return sorterade.get(Math.max(1, rang) - 1);
  }

  /** @return the end of Sunday of the week of {@code nu}, Europe/Stockholm */
  static ZonedDateTime veckansSlut(OffsetDateTime nu) {
    LocalDate idag = nu.atZoneSameInstant(Diarium.STOCKHOLM).toLocalDate();
    return idag.with(DayOfWeek.SUNDAY).plusDays(1).atStartOfDay(Diarium.STOCKHOLM);
  }

  private List<Bevakningsrad> rader(List<Task> uppgifter, Map<String, String> namn, OffsetDateTime nu) {
    if (uppgifter.isEmpty()) {
      return List.of();
    }
    Set<String> instanser = new HashSet<>();
    uppgifter.forEach(t -> instanser.add(t.getProcessInstanceId()));
    Map<String, String> dnr = new HashMap<>();
    for (ProcessInstance pi : runtimeService.createProcessInstanceQuery().processInstanceIds(instanser).list()) {
      dnr.put(pi.getId(), pi.getBusinessKey());
    }
    Map<String, String> rubriker = rubriker(dnr.values());
    List<Bevakningsrad> rader = new ArrayList<>();
    for (Task t : uppgifter) {
      String grupp = kandidatgrupp(t);
      String d = dnr.get(t.getProcessInstanceId());
      LocalDate forfaller = t.getDueDate() == null ? null
          : t.getDueDate().toInstant().minusMillis(1).atZone(Diarium.STOCKHOLM).toLocalDate();
      boolean forsenad = t.getDueDate() != null && t.getDueDate().toInstant().isBefore(nu.toInstant());
      rader.add(new Bevakningsrad(d, rubriker.get(d), grupp, namn.getOrDefault(grupp, grupp), forfaller, forsenad));
    }
    return rader;
  }

  private String kandidatgrupp(Task t) {
    for (IdentityLink link : taskService.getIdentityLinksForTask(t.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        return link.getGroupId();
      }
    }
    return "";
  }

  private Map<String, String> rubriker(Collection<String> diarienummer) {
    Map<String, String> rubriker = new HashMap<>();
    List<String> nummer = diarienummer.stream().filter(d -> d != null).distinct().toList();
    if (!nummer.isEmpty()) {
      jdbc.sql("select diarienummer, rubrik from arende where diarienummer in (:nummer)").param("nummer", nummer)
          .query(rs -> {
            rubriker.put(rs.getString(1), rs.getString(2));
          });
    }
    return rubriker;
  }

  /**
   * Runs the reads without the caller's engine authentication (the caller's rights were checked at
   * the door), and puts it back after.
   */
  private <T> T somSystemet(Supplier<T> lasning) {
    Authentication anropare = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return lasning.get();
    } finally {
      if (anropare != null) {
        identityService.setAuthentication(anropare);
      }
    }
  }
}
