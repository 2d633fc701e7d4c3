package io.djongo.spring.test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules of issue 10, each for a root package: {@code io.djongo.spring.core} for the real code, a
 * test-only fixture root for the tests that prove a rule catches what it should. An {@code internal} package belongs
 * to the tree it sits in ({@code root.query.internal} to {@code root.query..}); {@code root.bridge} is the composition
 * root that wires the internals together.
 */
public final class ArchitectureRules {

	private static final String INTERNAL = ".internal";

	private ArchitectureRules() {
	}

	/** (a) No cycles between the packages under the root, each package a slice of its own. */
	public static ArchRule noPackageCycles(String root) {
		return slices().matching(root + ".(**)").namingSlices("$1").should().beFreeOfCycles();
	}

	/**
	 * (b) A class of an {@code internal} package is used only inside the tree that owns the package and by the
	 * composition root {@code root.bridge}.
	 */
	public static ArchRule internalsStayInTheirTree(String root) {
		String bridge = root + ".bridge";
		return classes().that()
			.resideInAPackage(root + "..internal..")
			.should(new ArchCondition<JavaClass>("be used only inside their own package tree or by " + bridge) {
				@Override
				public void check(JavaClass internal, ConditionEvents events) {
					String tree = treeOf(internal.getPackageName());
					for (Dependency dependency : internal.getDirectDependenciesToSelf()) {
						String origin = dependency.getOriginClass().getPackageName();
						if (!isIn(origin, tree) && !isIn(origin, bridge)) {
							events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
						}
					}
				}
			});
	}

	/** (c) Internal code never depends on the composition root. */
	public static ArchRule internalsDoNotDependOnBridge(String root) {
		return noClasses().that()
			.resideInAPackage(root + "..internal..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(root + ".bridge..");
	}

	/**
	 * (d) Public signatures outside {@code internal} packages expose no internal type: the supertypes of publicly
	 * visible classes, and the types (type arguments included) of their public and protected fields, of the
	 * parameters, results and declared exceptions of their public and protected methods and constructors.
	 */
	public static ArchRule publicSignaturesExposeNoInternalType(String root) {
		return classes().that()
			.resideInAPackage(root + "..")
			.and()
			.resideOutsideOfPackage(root + "..internal..")
			.and(PUBLICLY_VISIBLE)
			.should(new ArchCondition<JavaClass>("expose no type of an internal package in a public signature") {
				@Override
				public void check(JavaClass type, ConditionEvents events) {
					type.getSuperclass().ifPresent((superclass) -> report(type, "extends", superclass, events));
					type.getInterfaces().forEach((contract) -> report(type, "implements", contract, events));
					for (JavaField field : type.getFields()) {
						if (isExposed(field)) {
							report(field, "has the type", field.getType(), events);
						}
					}
					for (JavaCodeUnit unit : type.getCodeUnits()) {
						if (!isExposed(unit) || unit.getModifiers().contains(JavaModifier.BRIDGE)) {
							continue;
						}
						report(unit, "returns", unit.getReturnType(), events);
						unit.getParameterTypes().forEach((parameter) -> report(unit, "takes", parameter, events));
						unit.getThrowsClause()
							.getTypes()
							.forEach((thrown) -> report(unit, "declares", thrown, events));
					}
				}
			});
	}

	/** (e) No class under the root holds, creates or calls a {@link ThreadLocal}. */
	public static ArchRule noThreadLocals(String root) {
		return noClasses().that()
			.resideInAPackage(root + "..")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(ThreadLocal.class);
	}

	/** (f) Code under the root (another module) uses no class of any djongo {@code internal} package. */
	public static ArchRule usesNoInternals(String root) {
		return noClasses().that()
			.resideInAPackage(root + "..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.djongo.spring..internal..");
	}

	/** Every package under the root is {@code @NullMarked} by its {@code package-info.java}. */
	public static ArchRule packagesAreNullMarked(String root) {
		return classes().that()
			.resideInAPackage(root + "..")
			.should(new ArchCondition<JavaClass>("reside in a package annotated with @NullMarked") {
				@Override
				public void check(JavaClass type, ConditionEvents events) {
					if (!type.getPackage().isAnnotatedWith(NullMarked.class)) {
						events.add(SimpleConditionEvent.violated(type,
								"package " + type.getPackageName() + " of " + type.getName() + " is not @NullMarked"));
					}
				}
			});
	}

	/** The failures of a rule on some classes, one line each, for assertions. */
	public static List<String> violations(ArchRule rule, JavaClasses classes) {
		return rule.evaluate(classes).getFailureReport().getDetails();
	}

	private static final DescribedPredicate<JavaClass> PUBLICLY_VISIBLE = new DescribedPredicate<>(
			"are publicly visible") {
		@Override
		public boolean test(JavaClass type) {
			@Nullable JavaClass current = type;
			while (current != null) {
				if (!current.getModifiers().contains(JavaModifier.PUBLIC)) {
					return false;
				}
				current = current.getEnclosingClass().orElse(null);
			}
			return true;
		}
	};

	private static boolean isExposed(JavaMember member) {
		Set<JavaModifier> modifiers = member.getModifiers();
		return (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED))
				&& !modifiers.contains(JavaModifier.SYNTHETIC);
	}

	private static void report(JavaClass owner, String relation, JavaType type, ConditionEvents events) {
		report(owner, owner.getName(), relation, type, events);
	}

	private static void report(JavaMember owner, String relation, JavaType type, ConditionEvents events) {
		report(owner, owner.getFullName(), relation, type, events);
	}

	private static void report(Object owner, String where, String relation, JavaType type, ConditionEvents events) {
		for (JavaClass involved : internalTypes(type)) {
			events.add(SimpleConditionEvent.violated(owner,
					where + " " + relation + " " + type.getName() + ", exposing " + involved.getName()));
		}
	}

	private static Set<JavaClass> internalTypes(JavaType type) {
		Set<JavaClass> internal = new LinkedHashSet<>();
		for (JavaClass involved : type.getAllInvolvedRawTypes()) {
			JavaClass base = involved.getBaseComponentType();
			if (isInternal(base.getPackageName())) {
				internal.add(base);
			}
		}
		return internal;
	}

	private static boolean isInternal(String packageName) {
		return packageName.endsWith(INTERNAL) || packageName.contains(INTERNAL + ".");
	}

	/** {@code a.b.query.internal.x} belongs to the tree {@code a.b.query}. */
	private static String treeOf(String internalPackage) {
		int index = internalPackage.indexOf(INTERNAL + ".");
		return (index >= 0) ? internalPackage.substring(0, index)
				: internalPackage.substring(0, internalPackage.length() - INTERNAL.length());
	}

	private static boolean isIn(String packageName, String tree) {
		return packageName.equals(tree) || packageName.startsWith(tree + ".");
	}

}
