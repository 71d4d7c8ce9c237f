package se.stockholm.ks.api;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * A number or boolean where the API expects text is a wrong type (400), not silently turned into a
 * string.
 */
@Configuration(proxyBeanMethods = false)
class JacksonConfig {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictTextual() {
    return builder -> builder.postConfigurer(mapper -> {
      var textual = mapper.coercionConfigFor(LogicalType.Textual);
      textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
      textual.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
      textual.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    });
  }
}
