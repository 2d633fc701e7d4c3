package io.djongo.spring.core.repository.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.djongo.spring.core.repository.support.DjongoRepositoryFactoryBean;
import org.springframework.beans.factory.support.BeanNameGenerator;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.config.DefaultRepositoryBaseClass;
import org.springframework.data.repository.query.QueryLookupStrategy.Key;

/**
 * Enables djongo repositories (and plain Spring Data MongoDB repositories) in the annotated class's package, or
 * the given ones. Spring Boot applications get this from the auto-configuration and need not declare it.
 * <p>
 * The attributes are those of Spring Data's {@code @EnableMongoRepositories}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(DjongoRepositoriesRegistrar.class)
public @interface EnableDjongoRepositories {

	/** Alias for {@link #basePackages()}. */
	String[] value() default {};

	/** Packages to scan for repository interfaces. */
	String[] basePackages() default {};

	/** Type-safe alternative to {@link #basePackages()}: the packages of these classes are scanned. */
	Class<?>[] basePackageClasses() default {};

	/** Which candidate interfaces to include. */
	Filter[] includeFilters() default {};

	/** Which candidate interfaces to exclude. */
	Filter[] excludeFilters() default {};

	/** Postfix of custom repository implementation classes. */
	String repositoryImplementationPostfix() default "Impl";

	/** Location of a named-queries properties file. */
	String namedQueriesLocation() default "";

	/** How query methods are resolved. */
	Key queryLookupStrategy() default Key.CREATE_IF_NOT_FOUND;

	/** The factory bean that creates each repository. */
	Class<?> repositoryFactoryBeanClass() default DjongoRepositoryFactoryBean.class;

	/** A custom base class for repositories. */
	Class<?> repositoryBaseClass() default DefaultRepositoryBaseClass.class;

	/** The bean name generator for repository beans. */
	Class<? extends BeanNameGenerator> nameGenerator() default BeanNameGenerator.class;

	/** The name of the {@code DjongoTemplate} bean the repositories use. */
	String mongoTemplateRef() default "mongoTemplate";

	/** Whether to create indexes for query methods. */
	boolean createIndexesForQueryMethods() default false;

	/** Whether repository interfaces nested in other classes are considered. */
	boolean considerNestedRepositories() default false;

}
