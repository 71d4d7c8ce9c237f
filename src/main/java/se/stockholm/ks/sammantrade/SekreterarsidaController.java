package se.stockholm.ks.sammantrade;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.security.AuthorizationSetup;

/**
 * {@code /sammantraden/{organ}/{datum}}: the secretary's page of a meeting (behind the login, like
 * the ärende page): its state and documents, and its ärenden in the list's order with paragraph,
 * state and what is missing before the meeting — a promemoria not upprättad, a särskilt uttalande
 * not in (with its last day). Only that a step is open is shown, never a text on its way.
 */
@Controller
class SekreterarsidaController {

  /**
   * A row of the page.
   *
   * @param punkt the ärende on the list
   * @param url the ärende's page
   * @param saknas what is missing, in Swedish; empty when nothing is
   */
  record Rad(Sammantradesregister.Punkt punkt, String url, List<String> saknas) {
  }

  private final Sammantradesregister register;
  private final Sammantradesdokument dokument;
  private final Diarium diarium;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  SekreterarsidaController(Sammantradesregister register, Sammantradesdokument dokument, Diarium diarium,
                           TaskService taskService, IdentityService identityService,
                           AuthorizationService authorizationService) {
    this.register = register;
    this.dokument = dokument;
    this.diarium = diarium;
    this.taskService = taskService;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @GetMapping("/sammantraden/{organ}/{datum}")
  String sammantrade(@PathVariable String organ, @PathVariable String datum, Model model) {
    Authentication user = identityService.getCurrentAuthentication();
    if (user != null && !authorizationService.isUserAuthorized(user.getUserId(), user.getGroupIds(),
        ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, AuthorizationSetup.STARTABLE_PROCESS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Användaren " + user.getUserId() + " får inte läsa sammanträden.");
    }
    Organ o = Organ.tolka(organ).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Okänt organ"));
    LocalDate dag;
    try {
      dag = LocalDate.parse(datum);
    } catch (java.time.format.DateTimeParseException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Okänt datum");
    }
    var mote = register.hitta(o, dag).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "Inget ärende är anmält till " + o.genitiv() + " sammanträde " + dag));
    List<Rad> rader = new ArrayList<>();
    // what is missing is read as the system: the page shows that a step is open, not its content
    identityService.clearAuthentication();
    try {
      for (Sammantradesregister.Punkt p : mote.punkter()) {
        List<String> saknas = new ArrayList<>();
        if (p.status() == Punktstatus.ANMALT) {
          if (diarium.handlingar(p.diarienummer()).stream().noneMatch(h -> h.handlingstyp() == Handlingstyp.PROMEMORIA)) {
            saknas.add("Promemorian är inte upprättad.");
          }
          for (Task t : taskService.createTaskQuery().processInstanceBusinessKey(p.diarienummer().toString())
              .taskDefinitionKey("Task_LamnaSarskiltUttalande").list()) {
            saknas.add("Särskilt uttalande inte inkommet (" + t.getName() + ", senast "
                + (t.getDueDate() == null ? "–" : t.getDueDate().toInstant().atZone(ZoneId.of("Europe/Stockholm"))
                    .toLocalDate()) + ").");
          }
        }
        rader.add(new Rad(p, "/arenden/" + p.diarienummer().urlForm(), saknas));
      }
    } finally {
      if (user != null) {
        identityService.setAuthentication(user);
      }
    }
    model.addAttribute("m", mote);
    model.addAttribute("rader", rader);
    model.addAttribute("dokument", dokument.dokument(o, dag));
    model.addAttribute("api", "/api/v1/sammantraden/" + o.url() + "/" + dag);
    return "sammantrade";
  }
}
