package se.stockholm.ks.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.springframework.stereotype.Component;

/**
 * The application's additions to the process engine configuration: long String variables in the
 * byte array table ({@link LongStringValueSerializer}), the history level without the handlingar's
 * content ({@link InnehallsfriHistorik}), form validation errors from task listeners passed on
 * as such ({@link FormularfelInterceptor}), and submitted values that replace saved drafts
 * ({@link InskickErsatterUtkast}).
 */
@Component
public class EnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> serializers = new ArrayList<>();
    serializers.add(new LongStringValueSerializer());
    if (configuration.getCustomPreVariableSerializers() != null) {
      serializers.addAll(configuration.getCustomPreVariableSerializers());
    }
    configuration.setCustomPreVariableSerializers(serializers);

    List<HistoryLevel> levels = new ArrayList<>();
    if (configuration.getCustomHistoryLevels() != null) {
      levels.addAll(configuration.getCustomHistoryLevels());
    }
    levels.add(new InnehallsfriHistorik());
    configuration.setCustomHistoryLevels(levels);

    List<CommandInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new FormularfelInterceptor());
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

    // a submitted value replaces a saved draft (a task-local variable of the same name)
    configuration.setFormService(new InskickErsatterUtkast.Formulartjanst());
    configuration.setTaskService(new InskickErsatterUtkast.Uppgiftstjanst());
  }
}
