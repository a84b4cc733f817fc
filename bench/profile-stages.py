"""Shares of a request's CPU samples by stage, from `jfr print --json` of jdk.ExecutionSample
(bench/profile-page). A sample counts towards every stage whose method is on its stack."""
import collections
import json
import sys

# stage: the method (class/name as JFR prints it) whose time, callees included, is the stage's
STAGES = [
    ("whole request (Tomcat's worker)", "org/apache/coyote/http11/Http11Processor.service"),
    ("application filters and everything after them", "com/videocall/admin/web/RequestIdFilter.doFilterInternal"),
    ("session: read (findById)", "org/springframework/session/jdbc/JdbcIndexedSessionRepository.findById"),
    ("session: attributes deserialized", "org/springframework/session/jdbc/JdbcIndexedSessionRepository.deserialize"),
    ("session: saved at the end", "org/springframework/session/web/http/SessionRepositoryFilter$SessionRepositoryRequestWrapper.commitSession"),
    ("Spring Security's filter chain, all of it", "org/springframework/security/web/FilterChainProxy.doFilterInternal"),
    ("controller method and its queries", "org/springframework/web/method/support/InvocableHandlerMethod.doInvoke"),
    ("argument resolvers (scope of the administrator ...)", "org/springframework/web/method/support/InvocableHandlerMethod.getMethodArgumentValues"),
    ("transactions begun (JPA or JDBC)", "org/springframework/transaction/support/AbstractPlatformTransactionManager.getTransaction"),
    ("JDBC statements run", "org/springframework/jdbc/core/JdbcTemplate.execute"),
    ("Thymeleaf rendering", "org/thymeleaf/TemplateEngine.process"),
    ("  of which SpEL (${...})", "org/thymeleaf/spring6/expression/SPELVariableExpressionEvaluator.evaluate"),
    ("  of which messages (#{...})", "org/thymeleaf/standard/expression/MessageExpression.executeMessageExpression"),
    ("  of which links (@{...})", "org/thymeleaf/standard/expression/LinkExpression.executeLinkExpression"),
    ("  of which CSRF fields of forms", "org/springframework/security/web/servlet/support/csrf/CsrfRequestDataValueProcessor.getExtraHiddenFields"),
]

events = json.load(open(sys.argv[1]))["recording"]["events"]
stacks = []
for event in events:
    trace = event["values"].get("stackTrace")
    if trace:
        stacks.append([f["method"]["type"]["name"] + "." + f["method"]["name"] for f in trace["frames"]])
total = len(stacks)
print(f"{total} CPU samples of Java threads")
for label, method in STAGES:
    n = sum(1 for frames in stacks if method in frames)
    print(f"  {100 * n / max(total, 1):5.1f} %  {label}")
top = collections.Counter(frames[0] for frames in stacks)
print("hottest methods (own time):")
for method, n in top.most_common(12):
    print(f"  {100 * n / total:5.1f} %  {method}")
