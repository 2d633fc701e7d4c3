package io.djongo.spring.core.bridge;

import java.util.List;
import java.util.function.Consumer;

import io.djongo.spring.core.gridfs.FileFieldCallbacks;
import io.djongo.spring.core.relation.internal.UnsavedRelations;
import io.djongo.spring.core.schema.ModelValidator;
import io.djongo.spring.core.schema.internal.ModelRules;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * djongo's rules of the models a {@link DjongoTemplate} writes, from the relation, schema and file-field parts: related
 * objects saved, validation, pending files stored. The validator is the options' one, else the application's bean,
 * else one with the default Bean Validation provider, decided on first use.
 */
final class TemplateRules implements ModelRules {

	private final UnsavedRelations unsavedRelations;

	private final FileFieldCallbacks files;

	private final Consumer<List<?>> storageRules;

	private volatile @Nullable ModelValidator validator;

	private volatile @Nullable ObjectProvider<ModelValidator> validators;

	TemplateRules(UnsavedRelations unsavedRelations, FileFieldCallbacks files, @Nullable ModelValidator validator,
			Consumer<List<?>> storageRules) {
		this.unsavedRelations = unsavedRelations;
		this.files = files;
		this.validator = validator;
		this.storageRules = storageRules;
	}

	/** The application's validator beans, asked when no validator was given and one is first needed. */
	void validators(ObjectProvider<ModelValidator> validators) {
		this.validators = validators;
	}

	ModelValidator validator() {
		ModelValidator result = this.validator;
		if (result == null) {
			ObjectProvider<ModelValidator> beans = this.validators;
			result = (beans != null) ? beans.getIfUnique(ModelValidator::withDefaultBeanValidation)
					: ModelValidator.withDefaultBeanValidation();
			this.validator = result;
		}
		return result;
	}

	@Override
	public void checkRelated(List<?> models) {
		this.unsavedRelations.check(models);
		this.storageRules.accept(models);
	}

	@Override
	public void validate(Object model) {
		validator().validate(model);
	}

	@Override
	public void validateAll(List<?> models) {
		validator().validateAll(models);
	}

	@Override
	public Object attach(Object model) {
		return this.files.storePendingFiles(model);
	}

}
