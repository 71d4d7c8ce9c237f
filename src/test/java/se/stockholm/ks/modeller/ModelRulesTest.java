package se.stockholm.ks.modeller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The house rules for every model in bpmn/, on top of bpmnlint's (run by .ci/run): a version tag
 * and a history time to live on each process; meaningful ids; every element drawn; a save point
 * with an explicit retry cycle before each service task, unless its documentation says why it
 * runs in the caller's transaction; a candidate group and a form on each user task.
 */
class ModelRulesTest {

  private static final Pattern GENERATED_ID = Pattern.compile(
      "^(Activity|Flow|Gateway|Event|StartEvent|EndEvent|Task|SequenceFlow|Participant|Collaboration|Lane)_[0-9][0-9a-z]{5,}$");

  static List<File> models() {
    File[] files = new File("bpmn").listFiles((d, n) -> n.endsWith(".bpmn"));
    assertThat(files).isNotEmpty();
    return List.of(files);
  }

  @ParameterizedTest
  @MethodSource("models")
  void processesHaveVersionTagAndHistoryTimeToLive(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    for (Process p : model.getModelElementsByType(Process.class)) {
      assertThat(p.isExecutable()).as(p.getId() + " executable").isTrue();
      assertThat(p.getCamundaVersionTag()).as(p.getId() + " versionTag").isNotBlank();
      assertThat(p.getCamundaHistoryTimeToLiveString()).as(p.getId() + " historyTimeToLive").isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void idsAreMeaningful(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    List<String> generated = model.getModelElementsByType(BaseElement.class).stream()
        .map(BaseElement::getId).filter(id -> id != null && GENERATED_ID.matcher(id).matches()).toList();
    assertThat(generated).as("generated ids").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyElementIsDrawn(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
    assertThat(model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId))
        .allMatch(shapes::contains);
    assertThat(model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId))
        .allMatch(edges::contains);
  }

  @ParameterizedTest
  @MethodSource("models")
  void serviceTasksHaveSavePointsOrSayWhyNot(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    List<String> problems = new ArrayList<>();
    for (ServiceTask t : model.getModelElementsByType(ServiceTask.class)) {
      if (t.isCamundaAsyncBefore()) {
        if (t.getExtensionElements() == null || t.getExtensionElements()
            .getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list().isEmpty()) {
          problems.add(t.getId() + ": asyncBefore without failedJobRetryTimeCycle");
        }
      } else {
        String doc = t.getDocumentations().stream().map(d -> d.getTextContent()).collect(Collectors.joining(" "));
        if (!doc.contains("transaktion")) {
          problems.add(t.getId() + ": no save point and no documented reason");
        }
      }
      assertThat(t.getCamundaDelegateExpression()).as(t.getId()).matches("\\$\\{[a-zA-Z]+}");
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void userTasksHaveGroupAndForm(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    for (UserTask t : model.getModelElementsByType(UserTask.class)) {
      assertThat(t.getCamundaCandidateGroups()).as(t.getId() + " candidate group").isNotBlank();
      assertThat(t.getCamundaFormRef() != null || t.getCamundaFormKey() != null).as(t.getId() + " form").isTrue();
    }
  }
}
