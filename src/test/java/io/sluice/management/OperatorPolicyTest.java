package io.sluice.management;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.ObjectName;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which operations an operator may run and which attributes read (ADR 0017); the rest is an admin's. */
class OperatorPolicyTest {

    private static final String QUEUE = "org.apache.activemq.artemis:broker=\"sluice-core\",component=addresses,"
            + "address=\"sluice.dead\",subcomponent=queues,routing-type=\"anycast\",queue=\"sluice.dead\"";
    private static final String BROKER = "org.apache.activemq.artemis:broker=\"sluice-core\"";
    private static final String ROUTE = "org.apache.camel:context=sluice-core,type=routes,name=\"chat-dispatch\"";
    private static final String CAMEL = "org.apache.camel:context=sluice-core,type=context,name=\"sluice-core\"";

    @ParameterizedTest(name = "{1} on {0}: operator may run it: {2}")
    @CsvSource(delimiter = '|', value = {
            // Artemis: look at a queue, never empty it
            QUEUE + "| countMessages()                         | true",
            QUEUE + "| listMessagesAsJSON(java.lang.String)    | true",
            QUEUE + "| browse                                  | true",
            QUEUE + "| removeMessages(java.lang.String)        | false",
            QUEUE + "| removeAllMessages()                     | false",
            QUEUE + "| expireMessages(java.lang.String)        | false",
            QUEUE + "| moveMessages(java.lang.String,java.lang.String) | false",
            QUEUE + "| retryMessages                           | false",
            QUEUE + "| sendMessage                             | false",
            QUEUE + "| pause                                   | false",
            QUEUE + "| resetAllGroups                          | false",
            BROKER + "| deleteAddress(java.lang.String)        | false",
            BROKER + "| destroyQueue(java.lang.String)         | false",
            BROKER + "| closeConnectionsForUser                | false",
            BROKER + "| createQueue(java.lang.String,boolean)  | false",
            BROKER + "| listConnectionsAsJSON                  | true",
            BROKER + "| getAddressSettingsAsJSON(java.lang.String) | true",
            // Camel: route diagrams and statistics, never remove, stop or reset
            ROUTE + "| dumpRouteAsXml(boolean)                 | true",
            ROUTE + "| dumpRouteStatsAsXml(boolean,boolean)    | true",
            ROUTE + "| remove                                  | false",
            ROUTE + "| stop()                                  | false",
            ROUTE + "| suspend                                 | false",
            ROUTE + "| reset(boolean)                          | false",
            CAMEL + "| dumpRoutesAsXml(boolean,boolean)        | true",
            CAMEL + "| removeRoute(java.lang.String)           | false",
            CAMEL + "| getAndResetCounters                     | false",
            CAMEL + "| sendBody(java.lang.String,java.lang.Object) | false",
            // the JVM: thread dumps yes, heap dumps and diagnostic commands no
            "java.lang:type=Threading                | dumpAllThreads(boolean,boolean) | true",
            "java.lang:type=Threading                | findDeadlockedThreads           | true",
            "java.lang:type=Memory                   | gc                              | false",
            "com.sun.management:type=HotSpotDiagnostic | dumpHeap                      | false",
            "com.sun.management:type=DiagnosticCommand | vmSystemProperties            | false",
            "jdk.management.jfr:type=FlightRecorder  | getRecordings                   | false",
            // Hawtio's own look-ups
            "hawtio:type=security,name=RBACRegistry  | list()                          | true",
            "hawtio:type=security,area=jmx,name=HawtioDummyJMXSecurity | canInvoke(java.lang.String) | true"})
    void operatorsRunOnlyOperationsThatRead(String mbean, String operation, boolean allowed) throws Exception {
        assertThat(OperatorPolicy.mayRun(new ObjectName(mbean), operation)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}: operator may read it: {1}")
    @CsvSource({"MessageCount, true", "Paused, true", "ClusterPassword, false", "TrustStorePassword, false",
            "SecretKey, false", "Credentials, false"})
    void operatorsReadEveryAttributeButSecrets(String attribute, boolean allowed) throws Exception {
        assertThat(OperatorPolicy.mayRead(new ObjectName(BROKER), attribute)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"getAndResetX | get and reset x", "listMessagesAsJSON | list messages as json",
            "dumpRouteStatsAsXml | dump route stats as xml", "URLDecode | url decode", "remove | remove"})
    void namesSplitIntoTheirWords(String name, String words) {
        assertThat(String.join(" ", OperatorPolicy.words(name))).isEqualTo(words);
    }
}
