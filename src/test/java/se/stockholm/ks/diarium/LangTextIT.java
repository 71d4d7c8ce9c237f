package se.stockholm.ks.diarium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.support.IntegrationTest;

/**
 * Texts of many pages go through the forms as Tasklist submits them ({@code submit-form}) intact,
 * into the diarium: a 30,000-character skrivelse and tjänsteutlåtande, on H2 (and PostgreSQL in
 * {@link LangTextPostgresIT}).
 */
@IntegrationTest
class LangTextIT {

  @Autowired FormService formService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired Diarium diarium;
  @Autowired Arbetsdagskalender kalender;

  @AfterEach
  void utloggad() {
    identityService.clearAuthentication();
  }

  @Test
  void aTextOfManyPagesArrivesIntactThroughTasklistsFormSubmit() {
    String skrivelse = sida("Skrivelse", 30_000);
    String tjanstutlatande = sida("Tjänsteutlåtande – å ä ö, \"citat\" & <b>ingen html</b>", 30_000);

    identityService.setAuthentication("registrator", List.of("ks-kansli"));
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("skrivelse")
        .latestVersion().singleResult().getId();
    String dnr = formService.submitStartForm(definition, Variables.createVariables()
        .putValue("rubrik", "Lång skrivelse").putValue("avsandareNamn", "Jan Jönsson").putValue("avsandareParti", "L")
        .putValue("skrivelseText", skrivelse)).getBusinessKey();
    var fordela = taskService.createTaskQuery().processInstanceBusinessKey(dnr).singleResult();
    formService.submitTaskForm(fordela.getId(), Map.of("rotel", "rotel-i",
        "remissinstanser", SpinValues.jsonValue("[\"stadsledningskontoret\"]").create(),
        "svarsdatum", kalender.laggTillArbetsdagar(java.time.LocalDate.now(), 10).toString()));
    identityService.clearAuthentication();
    korJobb();

    identityService.setAuthentication("handlaggare", List.of("stadsledningskontoret"));
    var tu = taskService.createTaskQuery().processInstanceBusinessKey(dnr).taskDefinitionKey("Task_SkrivTjanstutlatande")
        .singleResult();
    formService.submitTaskForm(tu.getId(), Map.of("tjanstutlatandeText", tjanstutlatande,
        "tjanstutlatandeDatum", java.time.LocalDate.now().toString()));
    identityService.clearAuthentication();
    korJobb();

    Diarienummer d = Diarienummer.parse(dnr);
    assertThat(diarium.innehall(d.dokumentnummer(1)).orElseThrow().text()).isEqualTo(skrivelse);
    assertThat(diarium.innehall(d.dokumentnummer(3)).orElseThrow().text()).isEqualTo(tjanstutlatande);
  }

  private void korJobb() {
    for (int i = 0; i < 20; i++) {
      var jobb = managementService.createJobQuery().executable().list();
      if (jobb.isEmpty()) {
        return;
      }
      jobb.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  private static String sida(String rubrik, int tecken) {
    StringBuilder sb = new StringBuilder(rubrik).append("\n\n");
    int stycke = 1;
    while (sb.length() < tecken) {
      sb.append("Stycke ").append(stycke++).append(". Kommunstyrelsen har att ta ställning till frågan om stadens "
          + "deltagande i internationella sammanhang, med hänsyn till prioriteringar och resurser.\n\n");
    }
    return sb.substring(0, tecken);
  }
}
