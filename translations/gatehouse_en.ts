<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CtlContext</name>
    <message numerus="yes">
        <source>(and %n more errors)</source>
        <translation>
            <numerusform>(and %n more error)</numerusform>
            <numerusform>(and %n more errors)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanCommands</name>
    <message numerus="yes">
        <source>business plan &quot;%1&quot; is used by %n subscription(s) (%2): subscribe them under another plan first</source>
        <translation>
            <numerusform>business plan &quot;%1&quot; is used by %n subscription (%2): subscribe it under another plan first</numerusform>
            <numerusform>business plan &quot;%1&quot; is used by %n subscriptions (%2): subscribe them under another plan first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PriceCommands</name>
    <message numerus="yes">
        <source>Imported %n models from %1.</source>
        <extracomment>%n is the number of models, %1 the file they were read from.</extracomment>
        <translation>
            <numerusform>Imported %n model from %1.</numerusform>
            <numerusform>Imported %n models from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n entries without per-token prices (such as image or audio models).</source>
        <translation>
            <numerusform>Skipped %n entry without per-token prices (such as image or audio models).</numerusform>
            <numerusform>Skipped %n entries without per-token prices (such as image or audio models).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProviderCommands</name>
    <message numerus="yes">
        <source>(and %n more errors)</source>
        <translation>
            <numerusform>(and %n more error)</numerusform>
            <numerusform>(and %n more errors)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse-ctl</name>
    <message numerus="yes">
        <source>%n errors</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests in %1 s: %2 requests/s, %3 (stopped early)</source>
        <extracomment>The summary of a run that was stopped early: %n requests, %1 seconds, %2 requests per second, %3 &quot;1 error&quot; or &quot;N errors&quot;.</extracomment>
        <translation>
            <numerusform>%n request in %1 s: %2 requests/s, %3 (stopped early)</numerusform>
            <numerusform>%n requests in %1 s: %2 requests/s, %3 (stopped early)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests in %1 s: %2 requests/s, %3</source>
        <extracomment>The summary of a run: %n requests, %1 seconds, %2 requests per second, %3 &quot;1 error&quot; or &quot;N errors&quot;.</extracomment>
        <translation>
            <numerusform>%n request in %1 s: %2 requests/s, %3</numerusform>
            <numerusform>%n requests in %1 s: %2 requests/s, %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::BusinessPlansPage</name>
    <message numerus="yes">
        <source>Used by %n subscription(s): %1</source>
        <translation>
            <numerusform>Used by %n subscription: %1</numerusform>
            <numerusform>Used by %n subscriptions: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is used by %n subscription(s) (%2): subscribe them under another plan first.</source>
        <translation>
            <numerusform>%1 is used by %n subscription (%2): subscribe it under another plan first.</numerusform>
            <numerusform>%1 is used by %n subscriptions (%2): subscribe them under another plan first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::GatewayView</name>
    <message numerus="yes">
        <source>state shared through %1 · %n live replica(s)</source>
        <extracomment>%1 the Redis URL; %n the replicas sharing it, this one included.</extracomment>
        <translation>
            <numerusform>state shared through %1 · %n live replica</numerusform>
            <numerusform>state shared through %1 · %n live replicas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::MainWindow</name>
    <message numerus="yes">
        <source>Gateway %1 · %n live revision(s) · %2 req/s</source>
        <translation>
            <numerusform>Gateway %1 · %n live revision · %2 req/s</numerusform>
            <numerusform>Gateway %1 · %n live revisions · %2 req/s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::ModelPricesPage</name>
    <message numerus="yes">
        <source>Imported %n model price(s); %1 entries without per-token prices skipped</source>
        <translation>
            <numerusform>Imported %n model price; %1 entries without per-token prices skipped</numerusform>
            <numerusform>Imported %n model prices; %1 entries without per-token prices skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::PolicyConfigPanel</name>
    <message numerus="yes">
        <source>%1 attached to %n resource(s)</source>
        <translation>
            <numerusform>%1 attached to %n resource</numerusform>
            <numerusform>%1 attached to %n resources</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::PolicyFlowModel</name>
    <message numerus="yes">
        <source>%1 with %n fallback(s)</source>
        <translation>
            <numerusform>%1 with %n fallback</numerusform>
            <numerusform>%1 with %n fallbacks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::TryOutConsole</name>
    <message numerus="yes">
        <source>Stopped; %n request(s) in the results</source>
        <translation>
            <numerusform>Stopped; %n request in the results</numerusform>
            <numerusform>Stopped; %n requests in the results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in the results</source>
        <translation>
            <numerusform>%n request in the results</numerusform>
            <numerusform>%n requests in the results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more request(s) queued</source>
        <translation>
            <numerusform>%n more request queued</numerusform>
            <numerusform>%n more requests queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n answered from the cache</source>
        <translation>
            <numerusform> · %n answered from the cache</numerusform>
            <numerusform> · %n answered from the cache</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::UsageView</name>
    <message numerus="yes">
        <source>%n log file(s) read in %1 ms (%2 MB scanned; the rest came from their indexes).</source>
        <extracomment>%n: log files, %1: milliseconds, %2: megabytes read from the logs themselves</extracomment>
        <translation>
            <numerusform>%n log file read in %1 ms (%2 MB scanned; the rest came from its index).</numerusform>
            <numerusform>%n log files read in %1 ms (%2 MB scanned; the rest came from their indexes).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) with estimated token counts (the upstream reported none).</source>
        <translation>
            <numerusform>%n request with estimated token counts (the upstream reported none).</numerusform>
            <numerusform>%n requests with estimated token counts (the upstream reported none).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) at a model without a price: add it in Settings &gt; Model Prices.</source>
        <translation>
            <numerusform>%n request at a model without a price: add it in Settings &gt; Model Prices.</numerusform>
            <numerusform>%n requests at a model without a price: add it in Settings &gt; Model Prices.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged line(s) skipped.</source>
        <translation>
            <numerusform>%n damaged line skipped.</numerusform>
            <numerusform>%n damaged lines skipped.</numerusform>
        </translation>
    </message>
</context>
</TS>
