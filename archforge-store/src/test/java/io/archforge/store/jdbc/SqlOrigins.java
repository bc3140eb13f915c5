package io.archforge.store.jdbc;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Finds every SQL text that Java sources hand to JDBC and traces where each part of it
 * comes from, with the JDK's own compiler (the Compiler Tree API of {@code jdk.compiler}),
 * so names and types are resolved as javac resolves them.
 *
 * <p>A JDBC call is a call of a method of {@link java.sql.Connection} or
 * {@link java.sql.Statement} (subtypes included) whose first parameter is a
 * {@code String}: {@code prepareStatement}, {@code prepareCall}, {@code nativeSQL},
 * {@code execute}, {@code executeQuery}, {@code executeUpdate},
 * {@code executeLargeUpdate} and {@code addBatch}. Its SQL text is fixed when every part
 * of it traces back to compile-time constants through:
 * <ul>
 *   <li>literals, constants, {@code +} and other operators, and {@code ?:} (both branches);</li>
 *   <li>local variables and fields, through their initializer and every assignment;</li>
 *   <li>parameters of methods that no other package can call, through every call site;</li>
 *   <li>calls of methods of the sources, through every {@code return} of the method and of
 *       each override in the sources, so a dialect method counts when every dialect
 *       returns constants;</li>
 *   <li>{@code for} loops over lists, through {@code List.of}, {@code List.copyOf},
 *       methods that return lists and the record components that hold them.</li>
 * </ul>
 * Anything else, such as a public method's parameter, a value read from a database or a
 * {@code StringBuilder}, is a finding. A fixed set of identifiers, such as table names or
 * dialect clauses chosen by a {@code switch} or a method per dialect, passes because each
 * of them is a constant.
 */
final class SqlOrigins {

    private static final Set<String> JDBC_METHODS = Set.of("prepareStatement", "prepareCall",
            "nativeSQL", "execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "addBatch");

    /** Methods of the JDK whose result lists the elements of their arguments. */
    private static final Set<String> LIST_FACTORIES = Set.of("java.util.List.of",
            "java.util.List.copyOf", "java.util.Set.of", "java.util.Arrays.asList");

    /**
     * One JDBC call whose SQL text is not fixed.
     *
     * @param call the file, line and text of the JDBC call
     * @param reason the part of the SQL that is not a constant, with its own location
     */
    record Finding(String call, String reason) {
        @Override
        public String toString() {
            return call + ": " + reason;
        }
    }

    /**
     * What a check found.
     *
     * @param calls the file, line and text of every JDBC call
     * @param findings the calls whose SQL text is not fixed
     */
    record Report(List<String> calls, List<Finding> findings) {
    }

    private final Trees trees;
    private final Elements elements;
    private final Types types;
    private final TypeMirror connection;
    private final TypeMirror statement;
    private final Map<Element, TreePath> declarations = new HashMap<>();
    private final Map<Element, List<TreePath>> assignments = new HashMap<>();
    private final Map<Element, TreePath> loopSources = new HashMap<>();
    private final List<TreePath> invocations = new ArrayList<>();
    private final List<TreePath> constructions = new ArrayList<>();
    private final List<TreePath> jdbcCalls = new ArrayList<>();
    private final Set<Tree> inProgress = new HashSet<>();

    private SqlOrigins(JavacTask task, Iterable<? extends CompilationUnitTree> units) {
        this.trees = Trees.instance(task);
        this.elements = task.getElements();
        this.types = task.getTypes();
        this.connection = elements.getTypeElement("java.sql.Connection").asType();
        this.statement = elements.getTypeElement("java.sql.Statement").asType();
        Indexer indexer = new Indexer();
        units.forEach(unit -> indexer.scan(new TreePath(unit), null));
    }

    /**
     * Compiles {@code sources} against {@code classPath} and checks every JDBC call.
     *
     * @throws IllegalStateException when the sources do not compile
     */
    static Report check(List<JavaFileObject> sources, String classPath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) compiler.getTask(null,
                compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8),
                diagnostics, List.of("-proc:none", "-classpath", classPath), null, sources);
        try {
            Iterable<? extends CompilationUnitTree> units = task.parse();
            task.analyze();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": "
                            + d.getMessage(Locale.ROOT)).toList();
            if (!errors.isEmpty()) {
                throw new IllegalStateException("the sources do not compile: " + errors);
            }
            return new SqlOrigins(task, units).report();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the sources failed", e);
        }
    }

    private Report report() {
        List<String> calls = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (TreePath call : jdbcCalls) {
            String where = where(call);
            calls.add(where);
            ExpressionTree sql = ((MethodInvocationTree) call.getLeaf()).getArguments().get(0);
            for (String reason : value(new TreePath(call, sql))) {
                findings.add(new Finding(where, reason));
            }
        }
        return new Report(calls, findings);
    }

    /** Returns why the value of {@code path} is not fixed, or nothing when it is. */
    private List<String> value(TreePath path) {
        Tree tree = path.getLeaf();
        if (!inProgress.add(tree)) {
            // A cycle, such as a recursive method: the other paths decide.
            return List.of();
        }
        try {
            return valueOf(path, tree);
        } finally {
            inProgress.remove(tree);
        }
    }

    private List<String> valueOf(TreePath path, Tree tree) {
        if (tree instanceof ParenthesizedTree parenthesized) {
            return value(new TreePath(path, parenthesized.getExpression()));
        }
        if (tree instanceof BinaryTree binary) {
            return both(value(new TreePath(path, binary.getLeftOperand())),
                    value(new TreePath(path, binary.getRightOperand())));
        }
        if (tree instanceof ConditionalExpressionTree conditional) {
            return both(value(new TreePath(path, conditional.getTrueExpression())),
                    value(new TreePath(path, conditional.getFalseExpression())));
        }
        if (tree.getKind().name().endsWith("_LITERAL")) {
            return List.of();
        }
        Element element = trees.getElement(path);
        if (element instanceof VariableElement variable) {
            return variable(path, variable, false);
        }
        if (element instanceof ExecutableElement method
                && tree instanceof MethodInvocationTree) {
            return returned(path, method, false);
        }
        return List.of(where(path) + " is not a constant");
    }

    /** Returns why the elements of the list or array at {@code path} are not fixed. */
    private List<String> elementsOf(TreePath path) {
        Tree tree = path.getLeaf();
        if (!inProgress.add(tree)) {
            return List.of();
        }
        try {
            Element element = trees.getElement(path);
            if (element instanceof VariableElement variable) {
                return variable(path, variable, true);
            }
            if (element instanceof ExecutableElement method
                    && tree instanceof MethodInvocationTree invocation) {
                if (LIST_FACTORIES.contains(qualifiedName(method))) {
                    return arguments(path, invocation);
                }
                return returned(path, method, true);
            }
            return List.of(where(path) + " is a list of unknown origin");
        } finally {
            inProgress.remove(tree);
        }
    }

    private List<String> arguments(TreePath path, MethodInvocationTree invocation) {
        List<String> reasons = new ArrayList<>();
        for (ExpressionTree argument : invocation.getArguments()) {
            TreePath argumentPath = new TreePath(path, argument);
            TypeMirror type = trees.getTypeMirror(argumentPath);
            boolean isString = type != null && type.toString().equals("java.lang.String");
            reasons.addAll(isString ? value(argumentPath) : elementsOf(argumentPath));
        }
        return reasons;
    }

    /** Traces a variable through its declaration, assignments, loop or call sites. */
    private List<String> variable(TreePath use, VariableElement variable, boolean list) {
        if (!list && variable.getConstantValue() != null) {
            return List.of();
        }
        if (variable.getKind() == ElementKind.PARAMETER) {
            return parameter(use, variable, list);
        }
        TreePath declaration = declarations.get(variable);
        if (declaration == null) {
            return List.of(where(use) + ": " + variable + " is declared outside the checked"
                    + " sources");
        }
        List<TreePath> sources = new ArrayList<>(assignments.getOrDefault(variable, List.of()));
        ExpressionTree initializer = ((VariableTree) declaration.getLeaf()).getInitializer();
        if (initializer != null) {
            sources.add(new TreePath(declaration, initializer));
        }
        TreePath loop = loopSources.get(variable);
        if (loop != null) {
            return elementsOf(loop);
        }
        if (sources.isEmpty()) {
            return List.of(where(use) + ": " + variable + " is never assigned in the sources");
        }
        List<String> reasons = new ArrayList<>();
        for (TreePath source : sources) {
            reasons.addAll(list ? elementsOf(source) : value(source));
        }
        return reasons;
    }

    /**
     * Traces a parameter through every call of its method, which only works when no other
     * package can call the method: a private method, or one of a class that is not public.
     */
    private List<String> parameter(TreePath use, VariableElement parameter, boolean list) {
        Element owner = parameter.getEnclosingElement();
        TreePath declaration = declarations.get(parameter);
        if (!(owner instanceof ExecutableElement method) || declaration == null
                || declaration.getParentPath().getLeaf() instanceof LambdaExpressionTree) {
            return List.of(where(use) + ": " + parameter + " is a parameter of a lambda or of"
                    + " code outside the sources");
        }
        if (isCallableFromOtherPackages(method)) {
            return List.of(where(use) + ": " + parameter + " is a parameter of "
                    + method.getSimpleName() + ", which other packages can call");
        }
        int index = method.getParameters().indexOf(parameter);
        List<String> reasons = new ArrayList<>();
        for (TreePath assigned : assignments.getOrDefault(parameter, List.of())) {
            reasons.addAll(list ? elementsOf(assigned) : value(assigned));
        }
        for (TreePath call : callsOf(method)) {
            List<? extends ExpressionTree> arguments = call.getLeaf() instanceof NewClassTree
                    created ? created.getArguments()
                    : ((MethodInvocationTree) call.getLeaf()).getArguments();
            TreePath argument = new TreePath(call, arguments.get(index));
            reasons.addAll(list ? elementsOf(argument) : value(argument));
        }
        return reasons;
    }

    /**
     * Traces a call through the returns of the method and of its overrides in the
     * sources, or, for a record accessor, through the record's constructions.
     */
    private List<String> returned(TreePath use, ExecutableElement method, boolean list) {
        if (method.getEnclosingElement() instanceof TypeElement type
                && type.getKind() == ElementKind.RECORD) {
            for (RecordComponentElement component : type.getRecordComponents()) {
                if (method.equals(component.getAccessor())) {
                    return component(use, type, component, list);
                }
            }
        }
        List<ExecutableElement> bodies = new ArrayList<>();
        if (declarations.containsKey(method)) {
            bodies.add(method);
        }
        bodies.addAll(overrides(method));
        if (bodies.isEmpty()) {
            return List.of(where(use) + " calls " + qualifiedName(method)
                    + ", whose result the sources do not fix");
        }
        List<String> reasons = new ArrayList<>();
        for (ExecutableElement body : bodies) {
            MethodTree tree = (MethodTree) declarations.get(body).getLeaf();
            if (tree.getBody() == null) {
                continue;
            }
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitReturn(ReturnTree node, Void unused) {
                    TreePath value = new TreePath(getCurrentPath(), node.getExpression());
                    reasons.addAll(list ? elementsOf(value) : value(value));
                    return null;
                }

                @Override
                public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
                    return null;
                }

                @Override
                public Void visitClass(com.sun.source.tree.ClassTree node, Void unused) {
                    return null;
                }
            }.scan(new TreePath(declarations.get(body), tree.getBody()), null);
        }
        return reasons;
    }

    /** Traces a record component through the matching argument of every construction. */
    private List<String> component(TreePath use, TypeElement record,
            RecordComponentElement component, boolean list) {
        int index = record.getRecordComponents().indexOf(component);
        List<String> reasons = new ArrayList<>();
        boolean constructed = false;
        for (TreePath path : constructions) {
            NewClassTree created = (NewClassTree) path.getLeaf();
            Element type = trees.getElement(new TreePath(path, created.getIdentifier()));
            if (record.equals(type)) {
                constructed = true;
                TreePath argument = new TreePath(path, created.getArguments().get(index));
                reasons.addAll(list ? elementsOf(argument) : value(argument));
            }
        }
        if (!constructed) {
            return List.of(where(use) + ": record " + record.getSimpleName()
                    + " is never constructed in the sources");
        }
        return reasons;
    }

    private boolean isCallableFromOtherPackages(ExecutableElement method) {
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            return false;
        }
        for (Element type = method.getEnclosingElement(); type instanceof TypeElement;
                type = type.getEnclosingElement()) {
            if (!type.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return method.getModifiers().contains(Modifier.PUBLIC)
                || method.getModifiers().contains(Modifier.PROTECTED);
    }

    /** Returns the calls of {@code method} and of the methods it overrides. */
    private List<TreePath> callsOf(ExecutableElement method) {
        List<TreePath> calls = new ArrayList<>();
        for (TreePath call : invocations) {
            Element callee = trees.getElement(call);
            if (method.equals(callee) || callee instanceof ExecutableElement other
                    && overrides(other).contains(method)) {
                calls.add(call);
            }
        }
        if (method.getKind() == ElementKind.CONSTRUCTOR) {
            for (TreePath created : constructions) {
                if (method.equals(trees.getElement(created))) {
                    calls.add(created);
                }
            }
        }
        return calls;
    }

    /** Returns the methods of the sources that override {@code method}. */
    private List<ExecutableElement> overrides(ExecutableElement method) {
        List<ExecutableElement> found = new ArrayList<>();
        for (Element declared : declarations.keySet()) {
            if (declared instanceof ExecutableElement candidate && !candidate.equals(method)
                    && candidate.getSimpleName().equals(method.getSimpleName())
                    && elements.overrides(candidate, method,
                            (TypeElement) candidate.getEnclosingElement())) {
                found.add(candidate);
            }
        }
        return found;
    }

    private boolean isJdbcCall(ExecutableElement method) {
        if (!JDBC_METHODS.contains(method.getSimpleName().toString())
                || method.getParameters().isEmpty()
                || !method.getParameters().get(0).asType().toString().equals("java.lang.String")) {
            return false;
        }
        TypeMirror owner = types.erasure(method.getEnclosingElement().asType());
        return types.isSubtype(owner, connection) || types.isSubtype(owner, statement);
    }

    private static String qualifiedName(ExecutableElement method) {
        return ((TypeElement) method.getEnclosingElement()).getQualifiedName() + "."
                + method.getSimpleName();
    }

    /** Returns the file, line and source text of {@code path}, shortened. */
    private String where(TreePath path) {
        CompilationUnitTree unit = path.getCompilationUnit();
        long start = trees.getSourcePositions().getStartPosition(unit, path.getLeaf());
        long line = unit.getLineMap().getLineNumber(start);
        String text = path.getLeaf().toString().replaceAll("\\s+", " ");
        String file = unit.getSourceFile().getName();
        file = file.substring(file.lastIndexOf('/') + 1);
        return file + ":" + line + " `" + (text.length() > 90 ? text.substring(0, 87) + "..."
                : text) + "`";
    }

    private static List<String> both(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Records the declarations, assignments, loops, calls and constructions of the sources. */
    private final class Indexer extends TreePathScanner<Void, Void> {

        @Override
        public Void visitMethod(MethodTree node, Void unused) {
            declare();
            return super.visitMethod(node, unused);
        }

        @Override
        public Void visitVariable(VariableTree node, Void unused) {
            declare();
            return super.visitVariable(node, unused);
        }

        @Override
        public Void visitAssignment(AssignmentTree node, Void unused) {
            assign(node.getVariable(), node.getExpression());
            return super.visitAssignment(node, unused);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
            assign(node.getVariable(), node.getExpression());
            return super.visitCompoundAssignment(node, unused);
        }

        @Override
        public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
            Element variable = trees.getElement(new TreePath(getCurrentPath(), node.getVariable()));
            loopSources.put(variable, new TreePath(getCurrentPath(), node.getExpression()));
            return super.visitEnhancedForLoop(node, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
            invocations.add(getCurrentPath());
            if (trees.getElement(getCurrentPath()) instanceof ExecutableElement method
                    && isJdbcCall(method)) {
                jdbcCalls.add(getCurrentPath());
            }
            return super.visitMethodInvocation(node, unused);
        }

        @Override
        public Void visitNewClass(NewClassTree node, Void unused) {
            constructions.add(getCurrentPath());
            return super.visitNewClass(node, unused);
        }

        private void declare() {
            Element element = trees.getElement(getCurrentPath());
            if (element != null) {
                declarations.put(element, getCurrentPath());
            }
        }

        private void assign(ExpressionTree variable, ExpressionTree expression) {
            Element element = trees.getElement(new TreePath(getCurrentPath(), variable));
            if (element != null) {
                assignments.computeIfAbsent(element, e -> new ArrayList<>())
                        .add(new TreePath(getCurrentPath(), expression));
            }
        }
    }
}
