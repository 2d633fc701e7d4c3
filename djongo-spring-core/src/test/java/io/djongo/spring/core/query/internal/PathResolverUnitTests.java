package io.djongo.spring.core.query.internal;

import java.util.List;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.query.Article;
import io.djongo.spring.core.relation.Author;
import io.djongo.spring.core.relation.Group;
import io.djongo.spring.core.relation.Membership;
import io.djongo.spring.core.relation.Person;
import io.djongo.spring.core.relation.Post;
import io.djongo.spring.core.relation.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine's own resolution of lookup paths against the models' metadata: fields walked, stored paths, the
 * relations crossed both ways, and the parts left for the compiler.
 */
class PathResolverUnitTests {

	final PathResolver paths = new PathResolver(OfflineEngine.models());

	LookupPath resolve(Class<?> model, String lookup) {
		return this.paths.resolve(this.paths.metadata(model), lookup);
	}

	static List<String> names(LookupPath path) {
		return path.fields().stream().map(FieldDescriptor::name).toList();
	}

	@Test
	void fieldsResolveToTheirStoredPathsAndLeaveTheRest() {
		LookupPath title = resolve(Article.class, "title__icontains");
		assertThat(names(title)).containsExactly("title");
		assertThat(title.storedPath()).isEqualTo("title");
		assertThat(title.rest()).containsExactly("icontains");
		assertThat(resolve(Article.class, "body").storedPath()).isEqualTo("text");
		assertThat(resolve(Article.class, "pk").storedPath()).isEqualTo("_id");
		assertThat(resolve(Article.class, "publishedDate__year__gte").rest()).containsExactly("year", "gte");
	}

	@Test
	void embeddedFieldsListsAndMapsAreWalkedIntoAndMarkTheirList() {
		LookupPath blog = resolve(Article.class, "blog__name");
		assertThat(names(blog)).containsExactly("blog", "name");
		assertThat(blog.storedPath()).isEqualTo("blog.name");
		assertThat(blog.arrayPrefix()).isNull();
		LookupPath blogs = resolve(Article.class, "blogs__rating__gte");
		assertThat(blogs.storedPath()).isEqualTo("blogs.rating");
		assertThat(blogs.arrayPrefix()).isEqualTo("blogs");
		assertThat(resolve(Article.class, "tags").arrayPrefix()).isEqualTo("tags");
		assertThat(resolve(Article.class, "meta__color").rest()).as("map keys are the compiler's").containsExactly("color");
		assertThat(resolve(Article.class, "blog__nme").rest()).as("misspelt or a lookup: the compiler tells")
			.containsExactly("nme");
	}

	@Test
	void aForeignKeyIsCrossedOnlyToReachAFieldOfTheRelatedModel() {
		LookupPath name = resolve(Post.class, "author__name");
		assertThat(name.hops()).singleElement().satisfies((hop) -> {
			assertThat(hop.reverse()).isFalse();
			assertThat(hop.localPath()).isEqualTo("author_id");
			assertThat(hop.foreignPath()).isEqualTo("_id");
			assertThat(hop.target().type()).isEqualTo(Author.class);
			assertThat(hop.isMultiValued()).isFalse();
		});
		assertThat(name.storedPath()).isEqualTo("name");
		assertThat(resolve(Post.class, "author__pk").hops()).as("the stored id needs no join").isEmpty();
		assertThat(resolve(Post.class, "author__id").storedPath()).isEqualTo("author_id");
		assertThat(resolve(Post.class, "author_id").storedPath()).as("Django's attname").isEqualTo("author_id");
		assertThat(resolve(Post.class, "author").hops()).isEmpty();
	}

	@Test
	void reverseRelationsAreCrossedByTheirRelatedNames() {
		LookupPath posts = resolve(Author.class, "posts__tags__name");
		assertThat(posts.hops()).extracting(LookupPath.Hop::reverse).containsExactly(true, false);
		assertThat(posts.hops().get(0).foreignPath()).isEqualTo("author_id");
		assertThat(posts.hops().get(0).isMultiValued()).isTrue();
		assertThat(posts.hops().get(1).target().type()).isEqualTo(Tag.class);
		assertThat(resolve(Tag.class, "post__title").hops()).singleElement()
			.satisfies((hop) -> assertThat(hop.localPath()).isEqualTo("_id"));
		LookupPath relation = resolve(Author.class, "posts");
		assertThat(relation.fields()).as("ends on the relation").isEmpty();
		assertThatExceptionOfType(FieldError.class).isThrownBy(relation::field);
	}

	@Test
	void aManyToManyCarriedByAThroughModelIsTwoHops() {
		LookupPath groups = resolve(Person.class, "groups__name");
		assertThat(groups.hops()).extracting((hop) -> (Object) hop.target().type())
			.containsExactly(Membership.class, Group.class);
		assertThat(resolve(Group.class, "members__name").hops()).extracting((hop) -> (Object) hop.target().type())
			.containsExactly(Membership.class, Person.class);
	}

	@Test
	void unknownNamesAreDjangosFieldErrorWithTheChoices() {
		ModelMetadata author = this.paths.metadata(Author.class);
		assertThat(this.paths.choices(author)).isEqualTo("id, name, posts");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> resolve(Author.class, "post__title"))
			.withMessage("Cannot resolve keyword 'post' into field. Choices are: id, name, posts "
					+ "(model Author, lookup 'post__title')");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> resolve(Article.class, "title____x"))
			.withMessageContaining("a part between '__' separators is empty");
		assertThat(this.paths.isReverseRelation(author, "posts")).isTrue();
		assertThat(this.paths.isReverseRelation(author, "name")).isFalse();
	}

}
