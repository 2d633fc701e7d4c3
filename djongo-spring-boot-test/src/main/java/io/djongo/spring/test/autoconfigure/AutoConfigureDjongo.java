package io.djongo.spring.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Imports the auto-configuration of a {@link DjongoTest}: djongo's (models, template, repositories, GridFS, the
 * connection and the embedded server) and the Spring Boot and Spring Data MongoDB auto-configuration it builds on,
 * listed in {@code META-INF/spring/io.djongo.spring.test.autoconfigure.AutoConfigureDjongo.imports}. Use it on a test
 * of another slice (or {@code @SpringBootTest} without auto-configuration) that needs djongo as well.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureDjongo {

}
