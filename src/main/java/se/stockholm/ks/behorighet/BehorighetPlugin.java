package se.stockholm.ks.behorighet;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import se.stockholm.ks.skrivelse.Variabler;

/**
 * The rights model inside the engine (README, "Behörigheter"):
 *
 * <ul>
 *   <li>{@code enforceSpecificVariablePermission}: reading variables needs the variable
 *       permissions (READ_VARIABLE on a task, READ_INSTANCE_VARIABLE and READ_HISTORY_VARIABLE on a
 *       process definition), not just the right to see the task or instance. The officials' groups
 *       get no READ_INSTANCE_VARIABLE or READ_HISTORY_VARIABLE: they read variables only through
 *       the tasks they are candidates for or assigned (the engine grants READ_VARIABLE with the
 *       candidate group), so a text on its way to the diarium (a party's särskilt uttalande, a
 *       tjänsteutlåtande not yet registered) is read only by the group doing that task;</li>
 *   <li>every user task gets its case's {@code diarienummer} and {@code rubrik} as task-local
 *       variables when it is created, so that Tasklist's list shows them to the task's group
 *       without a right to the instance's variables;</li>
 *   <li>task comments have the task's rights ({@link KommentarBehorighet}).</li>
 * </ul>
 */
@Component
public class BehorighetPlugin extends AbstractProcessEnginePlugin {

  /** The case's variables copied onto each task (public: diarienummer and rubrik). */
  public static final List<String> ARENDEVARIABLER_PA_UPPGIFT = List.of(Variabler.DIARIENUMMER, Variabler.RUBRIK);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnforceSpecificVariablePermission(true);

    List<CommandInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new KommentarBehorighet());
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new ArendeuppgifterParseListener());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** Adds {@link ArendeuppgiftListener} to every user task. */
  static final class ArendeuppgifterParseListener extends AbstractBpmnParseListener {
    private static final TaskListener LISTENER = new ArendeuppgiftListener();

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, LISTENER);
      }
    }
  }

  /** Copies the case's diarienummer and rubrik onto the task as task-local variables. */
  static final class ArendeuppgiftListener implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      for (String namn : ARENDEVARIABLER_PA_UPPGIFT) {
        Object varde = task.getVariable(namn);
        if (varde != null && !task.hasVariableLocal(namn)) {
          task.setVariableLocal(namn, varde);
        }
      }
    }
  }
}
