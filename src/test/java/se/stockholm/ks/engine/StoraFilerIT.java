package se.stockholm.ks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * A file up to the documented limit (25 MB) is taken on every door that takes files in JSON — the
 * engine's REST API (start, submit-form) as well as {@code /api/v1} — and a larger one is refused with
 * the documented problem ("största tillåtna storlek är 25,0 MB"), never with a JSON parser's message.
 * Before issue 23 a file over about 14 MB (20,000,000 characters in base64, Jackson's default limit)
 * failed in the engine's REST API and Tasklist with "String value length … exceeds the maximum".
 */
@IntegrationTest
class StoraFilerIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MB = 1024 * 1024;

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  Diarium diarium;

  @Test
  void aTwentyMegabyteFileIsTakenByTheEnginesRestApiAndSubmitFormAndALargerThanAllowedIsTheDocumentedProblem()
      throws Exception {
    Api api = new Api(port);

    // start: 20 MB (27 MB in base64) is a skrivelse
    Api.Svar start = api.postJson("integration", "/engine-rest/process-definition/key/skrivelse/start",
        start(textfil(20 * MB), "skrivelse.txt"));
    assertThat(start.status()).as("%s", start).isEqualTo(200);
    String dnr = start.json().path("businessKey").asText();
    assertThat(diarium.handlingar(Diarienummer.parse(dnr)).get(0).storlek()).isEqualTo(20L * MB);

    // 25 MB and one byte: the documented 400, not the parser's message
    Api.Svar forStor = api.postJson("integration", "/engine-rest/process-definition/key/skrivelse/start",
        start(textfil(25 * MB + 1), "stor.txt"));
    assertThat(forStor.status()).as("%s", forStor).isEqualTo(400);
    assertThat(forStor.contentType()).startsWith("application/problem+json");
    assertThat(forStor.text()).contains("största tillåtna storlek är 25,0 MB")
        .doesNotContain("String value length", "Jackson", "exceeds");

    // submit-form (what Tasklist sends): the tjänsteutlåtande as a 20 MB file
    Task fordela = taskService.createTaskQuery().processInstanceBusinessKey(dnr).taskDefinitionKey("Task_FordelaArende")
        .singleResult();
    Api.Svar fordelad = api.postJson("registrator", "/engine-rest/task/" + fordela.getId() + "/submit-form",
        "{\"variables\":{\"rotel\":{\"value\":\"rotel-i\",\"type\":\"String\"},"
            + "\"remissinstanser\":{\"value\":\"[\\\"stadsledningskontoret\\\"]\",\"type\":\"Json\"}}}");
    assertThat(fordelad.status()).as("%s", fordelad).isEqualTo(204);
    korJobb();
    Task tu = taskService.createTaskQuery().processInstanceBusinessKey(dnr).taskDefinitionKey("Task_SkrivTjanstutlatande")
        .singleResult();
    ObjectNode vars = JSON.createObjectNode();
    vars.set("tjanstutlatandeFil", fil(textfil(20 * MB), "Tjänsteutlåtande.txt"));
    vars.putObject("tjanstutlatandeDatum").put("value", LocalDate.now(ZoneId.of("Europe/Stockholm")).toString())
        .put("type", "String");
    Api.Svar inskickat = api.postJson("handlaggare", "/engine-rest/task/" + tu.getId() + "/submit-form",
        JSON.createObjectNode().set("variables", vars).toString());
    assertThat(inskickat.status()).as("%s", inskickat).isEqualTo(204);
    korJobb();
    assertThat(diarium.handlingar(Diarienummer.parse(dnr))).anySatisfy(h -> {
      assertThat(h.filnamn()).isEqualTo("Tjänsteutlåtande.txt");
      assertThat(h.storlek()).isEqualTo(20L * MB);
    });
  }

  private static String start(byte[] fil, String filnamn) {
    ObjectNode vars = JSON.createObjectNode();
    vars.putObject("rubrik").put("value", "Skrivelse med stor bilaga").put("type", "String");
    vars.putObject("avsandareNamn").put("value", "Karin Ek").put("type", "String");
    vars.set("skrivelseFil", fil(fil, filnamn));
    return JSON.createObjectNode().set("variables", vars).toString();
  }

  private static JsonNode fil(byte[] fil, String filnamn) {
    ObjectNode v = JSON.createObjectNode().put("value", Base64.getEncoder().encodeToString(fil)).put("type", "File");
    v.putObject("valueInfo").put("filename", filnamn).put("mimeType", "text/plain");
    return v;
  }

  /** A text file of the size, in bytes. */
  private static byte[] textfil(int storlek) {
    byte[] b = new byte[storlek];
    Arrays.fill(b, (byte) 'a');
    for (int i = 79; i < storlek; i += 80) {
      b[i] = '\n';
    }
    return b;
  }

  private void korJobb() {
    for (int varv = 0; varv < 50; varv++) {
      List<Job> jobb = managementService.createJobQuery().executable().list();
      if (jobb.isEmpty()) {
        return;
      }
      jobb.forEach(j -> managementService.executeJob(j.getId()));
    }
  }
}
