package se.stockholm.ks.api;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stockholm.ks.diarium.Arendestatus;
import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.HandlingInnehall;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.diarium.NyHandling;
import se.stockholm.ks.diarium.Sekretess;
import se.stockholm.ks.diarium.ArendeSaknasException;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.security.AuthorizationSetup;
import se.stockholm.ks.skrivelse.Skrivelseinlamning;

/**
 * What the REST API does with ärenden, on behalf of the authenticated user (set on the engine by
 * {@link se.stockholm.ks.security.ApiAuthenticationFilter}): registering a skrivelse (the process
 * is started as that user, so the engine's authorizations apply), reading an ärende with its open
 * steps, deadlines, handlingar and events, withdrawing it, and adding a document.
 *
 * <p>Reading requires READ_INSTANCE on the skrivelse process definition; withdrawing and adding
 * documents require UPDATE_INSTANCE (see {@link AuthorizationSetup}).
 */
@Service
public class ArendeService {

  /** Thrown when the user may not do what was asked (403). */
  public static class EjBehorigException extends RuntimeException {
    EjBehorigException(String message) {
      super(message);
    }
  }

  /** Thrown when the ärende's state does not allow what was asked (409). */
  public static class KonfliktException extends RuntimeException {
    KonfliktException(String message) {
      super(message);
    }
  }

  private static final ZoneId STOCKHOLM = Diarium.STOCKHOLM;

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final Diarium diarium;
  private final Frister frister;
  private final Sekretess sekretess;

  ArendeService(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
                ManagementService managementService, RepositoryService repositoryService,
                IdentityService identityService, AuthorizationService authorizationService, Diarium diarium,
                Frister frister, Sekretess sekretess) {
    this.sekretess = sekretess;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.diarium = diarium;
    this.frister = frister;
  }

  /**
   * Registers a skrivelse: starts the skrivelse process as the user, whose first step checks the
   * intake, gives the diarienummer and registers handling {@code -1} — all in one transaction. The
   * text, questions and file go in as transient variables: they are stored in the diarium only.
   *
   * @param indata the intake as process variables (see {@link Skrivelseinlamning})
   * @param iSammaTransaktion called with the diarienummer inside the transaction (e.g. to store the
   *     idempotent answer)
   * @return the diarienummer
   * @throws org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException on bad input
   * @throws org.camunda.bpm.engine.AuthorizationException when the user may not start skrivelser
   */
  @Transactional
  public Diarienummer registreraSkrivelse(Map<String, Object> indata, java.util.function.Consumer<Diarienummer> iSammaTransaktion) {
    VariableMap variabler = Variables.createVariables();
    indata.forEach((namn, varde) -> {
      if (varde instanceof org.camunda.bpm.engine.variable.value.FileValue fil) {
        variabler.putValueTyped(namn, Variables.fileValue(fil.getFilename())
            .file(fil.getValue()).mimeType(fil.getMimeType()).setTransient(true).create());
      } else if (varde != null) {
        // content that the registration moves into the diarium never touches the engine's tables
        boolean flyttas = List.of(SKRIVELSE_TEXT, FRAGOR, INKOM).contains(namn);
        variabler.putValueTyped(namn, Variables.untypedValue(varde, flyttas));
      }
    });
    ProcessInstance pi = runtimeService.createProcessInstanceByKey(AuthorizationSetup.STARTABLE_PROCESS)
        .setVariables(variabler)
        .execute();
    Diarienummer dnr = Diarienummer.parse(pi.getBusinessKey());
    iSammaTransaktion.accept(dnr);
    return dnr;
  }

  /**
   * @param dnr the diarienummer
   * @return the ärende with its steps, deadlines, handlingar and events
   * @throws ArendeSaknasException when there is no such ärende
   * @throws EjBehorigException when the user may not read ärenden
   */
  @Transactional(readOnly = true)
  public Dto.Arende arende(Diarienummer dnr) {
    krav(ProcessDefinitionPermissions.READ_INSTANCE, "läsa ärenden");
    var a = diarium.nummer(dnr).orElseThrow(() -> new ArendeSaknasException(dnr));
    if (a.status() == Arendestatus.REGISTRERAS) {
      // the number is taken and its registration running, or interrupted (then it is made MAKULERAT
      // within a minute and a half, Nummerserie): shown as it is, without handlingar yet
      return new Dto.Arende(dnr.toString(), a.rubrik(), a.arendetyp(), a.status().name(),
          new Dto.Avsandare(a.avsandare().namn(), a.avsandare().parti(), a.avsandare().roll()),
          a.inkomTid(), null, null, null, List.of(),
          new Dto.Frister(null, null, null, null, null, null, null, null), null, List.of(), List.of(), null);
    }
    List<String> grupper = grupper(); // before somSystem, which clears the user
    return somSystem(() -> {
      List<HistoricProcessInstance> instanser = historyService.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(dnr.toString()).list();
      Map<String, Object> varden = variabler(instanser);
      var beslut = diarium.beslut(dnr).map(b -> new Dto.Beslut(b.organ(), b.sammantrade(), b.paragraf(), b.beslutstext()))
          .orElse(null);
      // a withdrawn ärende keeps no deadline still ahead of it at the withdrawal (the remiss and the
      // särskilda uttalanden ended with it); a meeting that had not treated it removed its date when
      // it took the ärende off its föredragningslista (see the events)
      java.util.function.Function<String, LocalDate> frist = namn -> {
        LocalDate d = datum(varden.get(namn));
        return d != null && a.status() == Arendestatus.ATERKALLAT && a.avslutadDatum() != null
            && !d.isBefore(a.avslutadDatum()) ? null : d;
      };
      LocalDate anslag = datum(varden.get(ANSLAGSDATUM));
      return new Dto.Arende(dnr.toString(), a.rubrik(), a.arendetyp(), a.status().name(),
          new Dto.Avsandare(a.avsandare().namn(), a.avsandare().parti(), a.avsandare().roll()),
          a.inkomTid(), a.avslutadDatum(), a.rotel(), a.foredragandeBorgarrad(),
          a.status() == Arendestatus.PAGAENDE || a.status() == Arendestatus.BESLUTAT ? steg(dnr) : List.of(),
          new Dto.Frister(frist.apply(SVARSDATUM), null, datum(varden.get(BRB_SAMMANTRADE)),
              frist.apply(SARSKILT_UTTALANDE_SISTA_DAG), datum(varden.get(KS_SAMMANTRADE)),
              datum(varden.get(JUSTERINGSDATUM)), anslag,
              anslag == null ? null : Frister.datum(frister.sistaDagForLaglighetsprovning(anslag))),
          beslut, handlingar(dnr, grupper), handelser(dnr), sekretess.arendets(dnr).orElse(null));
    });
  }

  /**
   * @param dnr the diarienummer
   * @return the ärende's handlingar
   * @throws ArendeSaknasException when there is no such ärende
   */
  @Transactional(readOnly = true)
  public List<Dto.Handling> handlingar(Diarienummer dnr) {
    krav(ProcessDefinitionPermissions.READ_INSTANCE, "läsa ärenden");
    return handlingar(dnr, grupper());
  }

  /** The handlingar as the user with these groups (null: the system) sees them. */
  private List<Dto.Handling> handlingar(Diarienummer dnr, List<String> grupper) {
    Map<Integer, String> hemliga = sekretess.handlingarnas(dnr);
    boolean farLasaHemligt = hemliga.isEmpty() || sekretess.farLasaHemligt(dnr, grupper);
    return diarium.handlingar(dnr).stream()
        .map(h -> handling(dnr, h, hemliga.get(h.lopnummer()), farLasaHemligt || !hemliga.containsKey(h.lopnummer())))
        .toList();
  }

  /**
   * @param dnr the diarienummer
   * @return the ärende's events
   * @throws ArendeSaknasException when there is no such ärende
   */
  @Transactional(readOnly = true)
  public List<Dto.Handelse> handelser(Diarienummer dnr) {
    krav(ProcessDefinitionPermissions.READ_INSTANCE, "läsa ärenden");
    return diarium.handelser(dnr).stream()
        .map(h -> new Dto.Handelse(h.tid(), h.handelsetyp().name(), h.beskrivning(), h.aktor(), h.dokumentnummer()))
        .toList();
  }

  /**
   * @param dnr the diarienummer
   * @param nummer the handling's number within the ärende
   * @return the handling with its content, or empty
   * @throws ArendeSaknasException when there is no such ärende
   * @throws EjBehorigException when the handling (or the ärende) is marked secret and the user is in
   *     no group that handles the ärende ({@link Sekretess#handlaggandeGrupper})
   */
  @Transactional(readOnly = true)
  public Optional<HandlingInnehall> innehall(Diarienummer dnr, int nummer) {
    krav(ProcessDefinitionPermissions.READ_INSTANCE, "läsa ärenden");
    diarium.arende(dnr).orElseThrow(() -> new ArendeSaknasException(dnr));
    Optional<HandlingInnehall> innehall = diarium.innehall(dnr.dokumentnummer(nummer));
    if (innehall.isPresent() && !sekretess.farLasa(dnr, nummer, grupper())) {
      throw new EjBehorigException("Handlingen " + dnr.dokumentnummer(nummer) + " omfattas av sekretess ("
          + sekretess.handlingarnas(dnr).get(nummer) + ") och läses bara av de grupper som handlägger ärendet.");
    }
    return innehall;
  }

  /**
   * Withdraws the skrivelse (the message {@code Aterkallelse}, correlated on the diarienummer).
   *
   * @param dnr the diarienummer
   * @param motivering the reason, or null
   * @return the ärende after the withdrawal
   * @throws ArendeSaknasException when there is no such ärende
   * @throws KonfliktException when the ärende is decided, closed or already withdrawn
   */
  @Transactional
  public Dto.Arende aterkalla(Diarienummer dnr, String motivering) {
    krav(ProcessDefinitionPermissions.UPDATE_INSTANCE, "återkalla ärenden");
    var a = diarium.arende(dnr).orElseThrow(() -> new ArendeSaknasException(dnr));
    if (a.status() != Arendestatus.PAGAENDE) {
      throw new KonfliktException("Ärendet " + dnr + " är " + a.status().text()
          + " och kan inte längre återkallas (det går fram till kommunstyrelsens beslut).");
    }
    Authentication user = identityService.getCurrentAuthentication();
    try {
      runtimeService.createMessageCorrelation(MEDDELANDE_ATERKALLELSE)
          .processInstanceBusinessKey(dnr.toString())
          .setVariable(ATERKALLELSE_MOTIVERING, motivering)
          .setVariable(ATERKALLAD_AV, user == null ? null : user.getUserId())
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new KonfliktException("Ärendet " + dnr + " kan inte återkallas i sitt nuvarande skede.");
    }
    return arende(dnr);
  }

  /**
   * Adds an incoming document to an open ärende.
   *
   * @param dnr the diarienummer
   * @param rubrik the rubrik
   * @param avsandare the sender, or null
   * @param datum the date received, or null for today
   * @param bytes the file
   * @param filnamn the file's name
   * @param iSammaTransaktion called with the handling inside the transaction
   * @return the registered handling
   * @throws KonfliktException when the ärende is closed
   */
  @Transactional
  public Dto.Handling laggTillHandling(Diarienummer dnr, String rubrik, String avsandare, LocalDate datum, byte[] bytes,
                                       String filnamn, java.util.function.Consumer<Dto.Handling> iSammaTransaktion) {
    krav(ProcessDefinitionPermissions.UPDATE_INSTANCE, "lägga till handlingar");
    var a = diarium.arende(dnr).orElseThrow(() -> new ArendeSaknasException(dnr));
    if (a.status() == Arendestatus.AVSLUTAT || a.status() == Arendestatus.ATERKALLAT
        || a.status() == Arendestatus.MAKULERAT) {
      throw new KonfliktException("Ärendet " + dnr + " är " + a.status().text() + "; handlingar kan inte läggas till.");
    }
    Authentication user = identityService.getCurrentAuthentication();
    Handling h = diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.OVRIG, HandlingStatus.INKOMMEN, rubrik,
            datum == null ? Diarium.idag() : datum, null)
        .withAvsandare(avsandare)
        .withFil(bytes, filnamn)
        .withRegistreradAv(user == null ? null : user.getUserId()));
    String hemlig = sekretess.arendets(dnr).orElse(null);
    Dto.Handling dto = handling(dnr, h, hemlig, hemlig == null || sekretess.farLasaHemligt(dnr, grupper()));
    iSammaTransaktion.accept(dto);
    return dto;
  }

  /**
   * @throws EjBehorigException when the user may not read ärenden (READ_INSTANCE on the skrivelse process)
   */
  void kravLasa() {
    krav(ProcessDefinitionPermissions.READ_INSTANCE, "läsa ärenden");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private void krav(org.camunda.bpm.engine.authorization.Permission permission, String vad) {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null) {
      return; // internal call
    }
    boolean ok = authorizationService.isUserAuthorized(user.getUserId(), user.getGroupIds(), permission,
        Resources.PROCESS_DEFINITION, AuthorizationSetup.STARTABLE_PROCESS);
    if (!ok) {
      throw new EjBehorigException("Användaren " + user.getUserId() + " får inte " + vad + ".");
    }
  }

  private <T> T somSystem(Supplier<T> work) {
    Authentication user = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (user != null) {
        identityService.setAuthentication(user);
      }
    }
  }

  private Map<String, Object> variabler(List<HistoricProcessInstance> instanser) {
    Map<String, Object> varden = new HashMap<>();
    if (instanser.isEmpty()) {
      return varden;
    }
    List<HistoricVariableInstance> vars = historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instanser.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(SVARSDATUM, BRB_SAMMANTRADE, SARSKILT_UTTALANDE_SISTA_DAG, KS_SAMMANTRADE, JUSTERINGSDATUM,
            ANSLAGSDATUM)
        .disableBinaryFetching()
        .disableCustomObjectDeserialization()
        .list();
    vars.stream()
        .filter(v -> v.getValue() != null && !"DELETED".equals(v.getState()))
        .sorted(Comparator.comparing(v -> v.getCreateTime() == null ? new java.util.Date(0) : v.getCreateTime()))
        .forEach(v -> varden.put(v.getName(), v.getValue()));
    // svarsdatum: each remiss has its own, and an extension changes it in place (its create time
    // stays): the latest date is the one the ärende waits for
    vars.stream()
        .filter(v -> SVARSDATUM.equals(v.getName()) && v.getValue() != null && !"DELETED".equals(v.getState()))
        .map(v -> Frister.datum(v.getValue()))
        .max(Comparator.naturalOrder())
        .ifPresent(d -> varden.put(SVARSDATUM, d.toString()));
    return varden;
  }

  private List<Dto.Steg> steg(Diarienummer dnr) {
    List<Dto.Steg> steg = new ArrayList<>();
    for (Task t : taskService.createTaskQuery().processInstanceBusinessKey(dnr.toString()).orderByTaskCreateTime().asc().list()) {
      List<String> grupper = taskService.getIdentityLinksForTask(t.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(IdentityLink::getGroupId).toList();
      steg.add(new Dto.Steg("UPPGIFT", t.getName(), t.getTaskDefinitionKey(), nyckel(t.getProcessDefinitionId()),
          grupper, t.getAssignee(), tid(t.getDueDate()), tid(t.getCreateTime())));
    }
    for (ProcessInstance pi : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(dnr.toString()).list()) {
      managementService.createJobQuery().processInstanceId(pi.getId()).timers().list().forEach(j -> {
        var def = repositoryService.getProcessDefinition(j.getProcessDefinitionId());
        String activityId = aktivitet(j.getJobDefinitionId());
        steg.add(new Dto.Steg("VANTAR", namn(def.getId(), activityId), activityId, def.getKey(), List.of(), null,
            tid(j.getDuedate()), null));
      });
      runtimeService.createEventSubscriptionQuery().processInstanceId(pi.getId()).eventType("message").list().stream()
          .filter(s -> !MEDDELANDE_ATERKALLELSE.equals(s.getEventName()))
          .forEach(s -> steg.add(new Dto.Steg("VANTAR", namn(pi.getProcessDefinitionId(), s.getActivityId()),
              s.getActivityId(), nyckel(pi.getProcessDefinitionId()), List.of(), null, null, tid(s.getCreated()))));
    }
    return steg;
  }

  private final Map<String, String> nycklar = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, String> aktiviteter = new java.util.concurrent.ConcurrentHashMap<>();

  private String aktivitet(String jobDefinitionId) {
    return aktiviteter.computeIfAbsent(jobDefinitionId, id -> managementService.createJobDefinitionQuery()
        .jobDefinitionId(id).singleResult().getActivityId());
  }

  private String nyckel(String processDefinitionId) {
    return nycklar.computeIfAbsent(processDefinitionId, id -> repositoryService.getProcessDefinition(id).getKey());
  }

  private String namn(String processDefinitionId, String activityId) {
    FlowElement e = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
    return e == null || e.getName() == null ? activityId : e.getName();
  }

  private static Dto.Handling handling(Diarienummer dnr, Handling h, String hemlig, boolean farLasa) {
    return new Dto.Handling(h.lopnummer(), h.dokumentnummer(), h.handlingstyp().name(), h.rubrik(), h.datum(),
        h.status().name(), h.avsandare(), h.mottagare(), h.filnamn(), h.mediatyp(), h.storlek(), h.sha256(),
        h.hanvisarTill(),
        farLasa ? "/api/v1/arenden/" + dnr.urlForm() + "/handlingar/" + h.lopnummer() + "/innehall" : null, hemlig);
  }

  /** @return the current user's groups, or null for an internal call (no user) */
  private List<String> grupper() {
    Authentication user = identityService.getCurrentAuthentication();
    return user == null ? null : user.getGroupIds() == null ? List.of() : user.getGroupIds();
  }

  /**
   * Marks a handling, or with {@code nummer} null the whole ärende, secret or lifts the mark; only
   * KS kansli (the registrator) and the administrators may. The act is recorded as an event naming
   * the user.
   *
   * @param dnr the ärende
   * @param nummer the handling's number, or null for the ärende
   * @param hanvisning the OSL reference, or null to lift the mark
   * @return the ärende afterwards
   * @throws EjBehorigException when the user is not a registrator or administrator
   * @throws ArendeSaknasException when there is no such ärende
   * @throws se.stockholm.ks.diarium.OgiltigHandlingException for a bad reference
   */
  @Transactional
  public Dto.Arende sekretess(Diarienummer dnr, Integer nummer, String hanvisning) {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null
        || user.getGroupIds().stream().noneMatch(Sekretess.MARKERAR::contains)) {
      throw new EjBehorigException("Bara registratorn (KS kansli) sekretessmarkerar handlingar och ärenden.");
    }
    diarium.arende(dnr).orElseThrow(() -> new ArendeSaknasException(dnr));
    if (nummer != null && diarium.handling(dnr.dokumentnummer(nummer)).isEmpty()) {
      throw new HandlingSaknasException(dnr.dokumentnummer(nummer));
    }
    if (nummer == null) {
      if (hanvisning == null) {
        sekretess.havArende(dnr, user.getUserId());
      } else {
        sekretess.markeraArende(dnr, hanvisning, user.getUserId());
      }
    } else if (hanvisning == null) {
      sekretess.havHandling(dnr, nummer, user.getUserId());
    } else {
      sekretess.markeraHandling(dnr, nummer, hanvisning, user.getUserId());
    }
    return arende(dnr);
  }

  private static LocalDate datum(Object value) {
    return value == null ? null : Frister.datum(value);
  }

  private static OffsetDateTime tid(java.util.Date date) {
    return date == null ? null : date.toInstant().atZone(STOCKHOLM).toOffsetDateTime();
  }
}
