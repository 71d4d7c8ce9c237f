package se.stockholm.ks.modeller;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.EventSource;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;

/**
 * Process test coverage per model, split into flow nodes and sequence flows, from what
 * camunda-process-test-coverage collected for the running test class.
 *
 * <p>The library's {@code ProcessEngineCoverageTestExecutionListener} keeps its collector to
 * itself and reports only one figure per test class (all models, nodes and flows together), after
 * the class's {@code @AfterAll}. The collector is also handed to the engine's
 * {@link ElementCoverageParseListener} (field {@code coverageState}, camunda-process-test-coverage
 * 3.0.0), which records every event: this class reads it there, so the figures come from the same
 * events the library's report shows. The elements counted are the library's own: the flow nodes of
 * the executable process (nested ones included) and the sequence flows leaving them.
 */
final class Modelltackning {

  /**
   * The coverage of one model.
   *
   * @param modell the process definition key
   * @param noder the model's flow nodes
   * @param tacktaNoder those the tests reached
   * @param floden the model's sequence flows
   * @param tacktaFloden those the tests took
   */
  record Tackning(String modell, Set<String> noder, Set<String> tacktaNoder, Set<String> floden,
                  Set<String> tacktaFloden) {

    boolean fullstandig() {
      return tacktaNoder.containsAll(noder) && tacktaFloden.containsAll(floden);
    }

    Set<String> saknade() {
      Set<String> saknade = new TreeSet<>(noder);
      saknade.removeAll(tacktaNoder);
      Set<String> floden = new TreeSet<>(this.floden);
      floden.removeAll(tacktaFloden);
      saknade.addAll(floden);
      return saknade;
    }

    /** @return e.g. {@code remiss: flödesnoder 15/15 (100,0 %), sekvensflöden 14/14 (100,0 %)} */
    String rad() {
      return String.format(java.util.Locale.forLanguageTag("sv-SE"),
          "Processtäckning %-20s flödesnoder %3d/%-3d (%5.1f %%)   sekvensflöden %3d/%-3d (%5.1f %%)",
          modell + ":", tacktaNoder.size(), noder.size(), procent(tacktaNoder, noder),
          tacktaFloden.size(), floden.size(), procent(tacktaFloden, floden));
    }

    private static double procent(Set<String> tackta, Set<String> alla) {
      return alla.isEmpty() ? 100.0 : 100.0 * tackta.size() / alla.size();
    }
  }

  private Modelltackning() {
  }

  /**
   * @param engine the engine the tests ran on
   * @return the coverage of every model the running test class touched, by key
   */
  static Map<String, Tackning> perModell(ProcessEngine engine) {
    DefaultCollector insamlare = insamlare(engine);
    Collection<Event> handelser = insamlare.getActiveSuite().getEvents();
    Map<String, Tackning> result = new TreeMap<>();
    for (Model model : insamlare.getModels()) {
      BpmnModelInstance bpmn = Bpmn.readModelFromStream(
          new ByteArrayInputStream(model.getXml().getBytes(StandardCharsets.UTF_8)));
      Set<FlowNode> flodesnoder = bpmn.getModelElementsByType(FlowNode.class).stream()
          .filter(n -> iProcessen(n, model.getKey())).collect(Collectors.toSet());
      Set<String> noder = flodesnoder.stream().map(FlowNode::getId).collect(Collectors.toCollection(TreeSet::new));
      Set<String> floden = bpmn.getModelElementsByType(SequenceFlow.class).stream()
          .filter(f -> flodesnoder.contains(f.getSource())).map(SequenceFlow::getId)
          .collect(Collectors.toCollection(TreeSet::new));
      Set<String> tacktaNoder = tackta(handelser, model.getKey(), EventSource.FLOW_NODE, noder);
      Set<String> tacktaFloden = tackta(handelser, model.getKey(), EventSource.SEQUENCE_FLOW, floden);
      result.put(model.getKey(), new Tackning(model.getKey(), noder, tacktaNoder, floden, tacktaFloden));
    }
    return result;
  }

  private static Set<String> tackta(Collection<Event> handelser, String modell, EventSource kalla, Set<String> element) {
    return handelser.stream()
        .filter(e -> modell.equals(e.getModelKey()) && e.getSource() == kalla)
        .map(Event::getDefinitionKey)
        .filter(element::contains)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static boolean iProcessen(ModelElementInstance element, String processId) {
    for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
      if (e instanceof Process p) {
        return p.isExecutable() && p.getId().equals(processId);
      }
    }
    return false;
  }

  private static DefaultCollector insamlare(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    for (BpmnParseListener listener : configuration.getCustomPostBPMNParseListeners()) {
      if (listener instanceof ElementCoverageParseListener coverage) {
        try {
          Field field = ElementCoverageParseListener.class.getDeclaredField("coverageState");
          field.setAccessible(true);
          Object collector = field.get(coverage);
          if (collector instanceof DefaultCollector c) {
            return c;
          }
          throw new IllegalStateException("Processtäckningen har ingen insamlare för motorn " + engine.getName()
              + " (ProcessEngineCoverageTestExecutionListener saknas på testklassen?)");
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("camunda-process-test-coverage har ändrats: " + e, e);
        }
      }
    }
    throw new IllegalStateException("Motorn " + engine.getName() + " mäter ingen processtäckning "
        + "(ProcessEngineCoverageConfiguration saknas i testets Spring-kontext?)");
  }
}
