<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Api</name>
    <message>
        <source>unknown lifecycle state &quot;%1&quot;</source>
        <translation>unbekannter Lebenszyklusstatus „%1“</translation>
    </message>
</context>
<context>
    <name>ApiCommands</name>
    <message>
        <source>Creates an AI API from a provider template (see the providers built into Gatehouse: openai, azure-openai, anthropic, mistral, openai-compatible, demo), with the provider&apos;s operations and a default endpoint per stage. The API is validated before it is saved. Endpoint keys go to the secret store only, never to a workspace file. Prints the new API&apos;s id (the API as JSON with --json).</source>
        <translation>Erstellt eine KI-API aus einer Anbieter-Vorlage (siehe die in Gatehouse eingebauten Anbieter: openai, azure-openai, anthropic, mistral, openai-compatible, demo) mit den Operationen des Anbieters und einem Standard-Endpunkt je Umgebung. Die API wird vor dem Speichern validiert. Endpunkt-Schlüssel werden nur im Geheimnisspeicher abgelegt, nie in einer Datei des Arbeitsbereichs. Gibt die ID der neuen API aus (mit --json die API als JSON).</translation>
    </message>
    <message>
        <source>The API&apos;s display name.</source>
        <translation>Der Anzeigename der API.</translation>
    </message>
    <message>
        <source>The first segment of the gateway URL, without a leading &apos;/&apos;: &quot;smartchat&quot; serves /smartchat/&lt;version&gt;/...</source>
        <translation>Das erste Segment der Gateway-URL, ohne führenden &apos;/&apos;: &quot;smartchat&quot; bedient /smartchat/&lt;version&gt;/...</translation>
    </message>
    <message>
        <source>The API version, such as 1.0.0.</source>
        <translation>Die API-Version, etwa 1.0.0.</translation>
    </message>
    <message>
        <source>The provider template&apos;s id, such as openai.</source>
        <translation>Die ID der Anbieter-Vorlage, etwa openai.</translation>
    </message>
    <message>
        <source>Base URL of the production endpoint (default: the provider&apos;s).</source>
        <translation>Basis-URL des Produktions-Endpunkts (Standard: die des Anbieters).</translation>
    </message>
    <message>
        <source>API key of the production endpoint, stored in the secret store.</source>
        <translation>API-Schlüssel des Produktions-Endpunkts; wird im Geheimnisspeicher abgelegt.</translation>
    </message>
    <message>
        <source>Base URL of a sandbox endpoint (default: no sandbox endpoint).</source>
        <translation>Basis-URL eines Sandbox-Endpunkts (Standard: kein Sandbox-Endpunkt).</translation>
    </message>
    <message>
        <source>API key of the sandbox endpoint, stored in the secret store.</source>
        <translation>API-Schlüssel des Sandbox-Endpunkts; wird im Geheimnisspeicher abgelegt.</translation>
    </message>
    <message>
        <source>Description (default: the provider&apos;s).</source>
        <translation>Beschreibung (Standard: die des Anbieters).</translation>
    </message>
    <message>
        <source>List the workspace&apos;s APIs.</source>
        <translation>Die APIs des Arbeitsbereichs auflisten.</translation>
    </message>
    <message>
        <source>Lists the APIs of the workspace: name, version, context, provider, the deployed revision and the id.</source>
        <translation>Listet die APIs des Arbeitsbereichs auf: Name, Version, Kontext, Anbieter, die bereitgestellte Revision und die ID.</translation>
    </message>
    <message>
        <source>Show one API: endpoints, operations, policies, deployment.</source>
        <translation>Eine API anzeigen: Endpunkte, Operationen, Richtlinien, Bereitstellung.</translation>
    </message>
    <message>
        <source>Shows one API&apos;s design state: identity, endpoints (and whether their key is stored), operations with their policy counts and the deployed revision. With --json, the API as the workspace stores it plus its deployment.</source>
        <translation>Zeigt den Entwurfsstand einer API: Identität, Endpunkte (und ob ihr Schlüssel gespeichert ist), Operationen mit der Anzahl ihrer Richtlinien und die bereitgestellte Revision. Mit --json die API, wie der Arbeitsbereich sie speichert, samt ihrer Bereitstellung.</translation>
    </message>
    <message>
        <source>Delete an API, its revisions, its deployment and its endpoint keys.</source>
        <translation>Eine API mit ihren Revisionen, ihrer Bereitstellung und ihren Endpunkt-Schlüsseln löschen.</translation>
    </message>
    <message>
        <source>Undeploys and deletes an API with all its revisions, and removes its endpoint keys from the secret store. Subscriptions to it stay in the applications until they unsubscribe.</source>
        <translation>Hebt die Bereitstellung einer API auf, löscht sie mit all ihren Revisionen und entfernt ihre Endpunkt-Schlüssel aus dem Geheimnisspeicher. Abonnements der API bleiben in den Anwendungen erhalten, bis diese sie kündigen.</translation>
    </message>
    <message>
        <source>unknown provider &quot;%1&quot; (providers: %2)</source>
        <translation>unbekannter Anbieter „%1“ (Anbieter: %2)</translation>
    </message>
    <message>
        <source>--sandbox-key needs --sandbox-url: without it the API has no sandbox endpoint</source>
        <translation>--sandbox-key erfordert --sandbox-url: Ohne diese Option hat die API keinen Sandbox-Endpunkt</translation>
    </message>
    <message>
        <source>provider %1 has no default URL: pass --production-url</source>
        <translation>der Anbieter %1 hat keine Standard-URL: Geben Sie --production-url an</translation>
    </message>
    <message>
        <source>cannot store the key of endpoint %1 in %2: %3</source>
        <translation>der Schlüssel des Endpunkts %1 kann nicht in %2 gespeichert werden: %3</translation>
    </message>
    <message>
        <source>No APIs yet; create one with gatehouse-ctl api create.</source>
        <translation>Noch keine APIs; erstellen Sie eine mit gatehouse-ctl api create.</translation>
    </message>
    <message>
        <source>NAME</source>
        <extracomment>Column headers of &quot;api list&quot;, in capitals.</extracomment>
        <translation>NAME</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>BASE PATH</source>
        <translation>BASISPFAD</translation>
    </message>
    <message>
        <source>PROVIDER</source>
        <translation>ANBIETER</translation>
    </message>
    <message>
        <source>DEPLOYED</source>
        <translation>BEREITGESTELLT</translation>
    </message>
    <message>
        <source>ID</source>
        <extracomment>Column headers of the endpoint table, in capitals.</extracomment>
        <translation>ID</translation>
    </message>
    <message>
        <source>%1 %2 (id %3)</source>
        <translation>%1 %2 (ID %3)</translation>
    </message>
    <message>
        <source>Base path:</source>
        <translation>Basispfad:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>AI API</source>
        <translation>KI-API</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <source>%1 (unknown)</source>
        <translation>%1 (unbekannt)</translation>
    </message>
    <message>
        <source>Lifecycle:</source>
        <translation>Lebenszyklus:</translation>
    </message>
    <message>
        <source>no</source>
        <extracomment>The value of &quot;Deployed:&quot; for an API that is not deployed.</extracomment>
        <translation>nein</translation>
    </message>
    <message>
        <source>Deployed:</source>
        <translation>Bereitgestellt:</translation>
    </message>
    <message>
        <source>revision %1 since %2</source>
        <translation>Revision %1 seit %2</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Endpoints:</source>
        <translation>Endpunkte:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>STAGE</source>
        <translation>UMGEBUNG</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <source>stored</source>
        <extracomment>In the KEY column: the endpoint&apos;s key is stored.</extracomment>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>In the KEY column: the endpoint has no key.</extracomment>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Operations:</source>
        <translation>Operationen:</translation>
    </message>
    <message>
        <source>OPERATION</source>
        <extracomment>Column headers of the operation table, in capitals.</extracomment>
        <translation>OPERATION</translation>
    </message>
    <message>
        <source>POLICIES</source>
        <translation>RICHTLINIEN</translation>
    </message>
    <message>
        <source>SUMMARY</source>
        <translation>ZUSAMMENFASSUNG</translation>
    </message>
    <message>
        <source>API-level policies: %1</source>
        <translation>Richtlinien auf API-Ebene: %1</translation>
    </message>
    <message>
        <source>deleted API %1, but could not remove its endpoint keys from %2: %3</source>
        <translation>API %1 gelöscht, aber ihre Endpunkt-Schlüssel konnten nicht aus %2 entfernt werden: %3</translation>
    </message>
    <message>
        <source>Deleted API %1 %2 (%3)</source>
        <translation>API %1 %2 (%3) gelöscht</translation>
    </message>
    <message>
        <source>Create an AI API from a provider template or an OpenAPI document.</source>
        <translation>Eine KI-API aus einer Anbieter-Vorlage oder einem OpenAPI-Dokument erstellen.</translation>
    </message>
    <message>
        <source>With --from-openapi, the operations (path templates, summaries, request samples) come from an OpenAPI 3.0 or 3.1 document in JSON or YAML, such as a local vLLM or Ollama server&apos;s; the name, context and version default to the document&apos;s title, a slug of it and its version, the production URL to its first server, the provider to openai-compatible.</source>
        <translation>Mit --from-openapi stammen die Operationen (Pfadvorlagen, Zusammenfassungen, Beispielanfragen) aus einem OpenAPI-3.0- oder -3.1-Dokument in JSON oder YAML, etwa dem eines lokalen vLLM- oder Ollama-Servers; als Standard dienen für Name, Kontext und Version der Titel des Dokuments, ein daraus gebildeter Slug und seine Version, für die Produktions-URL sein erster Server und für den Anbieter openai-compatible.</translation>
    </message>
    <message>
        <source>An OpenAPI 3.0 or 3.1 document (JSON or YAML) whose operations the API gets instead of the provider&apos;s.</source>
        <translation>Ein OpenAPI-3.0- oder -3.1-Dokument (JSON oder YAML), dessen Operationen die API anstelle der des Anbieters erhält.</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 names no absolute server URL (servers[0].url): pass --production-url</source>
        <translation>%1 nennt keine absolute Server-URL (servers[0].url): Geben Sie --production-url an</translation>
    </message>
    <message>
        <source>Copy an API to a new version (WSO2&apos;s &quot;Create New Version&quot;).</source>
        <translation>Eine API in eine neue Version kopieren („Create New Version“ von WSO2).</translation>
    </message>
    <message>
        <source>Copies an API to a new version: its operations, endpoints, policies and primary endpoints, under its own base path /&lt;context&gt;/&lt;version&gt;. Endpoint keys are copied inside the secret store, never through a file. The new version starts in the CREATED state with no revisions: deploy it on its own. Applications subscribe to it separately. With --default it becomes the context&apos;s default version, which the gateway also serves at /&lt;context&gt;/... without a version once it is deployed (the previous default serves until then). Prints the new API&apos;s id.</source>
        <translation>Kopiert eine API in eine neue Version: ihre Operationen, Endpunkte, Richtlinien und primären Endpunkte, unter einem eigenen Basispfad /&lt;context&gt;/&lt;version&gt;. Endpunkt-Schlüssel werden innerhalb des Geheimnisspeichers kopiert, nie über eine Datei. Die neue Version beginnt im Zustand CREATED ohne Revisionen: Stellen Sie sie eigenständig bereit. Anwendungen abonnieren sie gesondert. Mit --default wird sie die Standardversion des Kontexts, die das Gateway, sobald sie bereitgestellt ist, auch unter /&lt;context&gt;/... ohne Version ausliefert (bis dahin die bisherige Standardversion). Gibt die ID der neuen API aus.</translation>
    </message>
    <message>
        <source>The new version.</source>
        <translation>Die neue Version.</translation>
    </message>
    <message>
        <source>Make the new version the default version.</source>
        <translation>Die neue Version zur Standardversion machen.</translation>
    </message>
    <message>
        <source>Make an API version its context&apos;s default version.</source>
        <translation>Eine API-Version zur Standardversion ihres Kontexts machen.</translation>
    </message>
    <message>
        <source>Marks the API the default version of its context, and no other version of it: once it is deployed, the gateway also serves it at /&lt;context&gt;/... without a version. --off leaves the context without a default version.</source>
        <translation>Markiert die API als Standardversion ihres Kontexts und keine andere Version davon: Sobald sie bereitgestellt ist, liefert das Gateway sie auch unter /&lt;context&gt;/... ohne Version aus. --off lässt den Kontext ohne Standardversion.</translation>
    </message>
    <message>
        <source>Unmark it: no default version.</source>
        <translation>Markierung aufheben: keine Standardversion.</translation>
    </message>
    <message>
        <source>%1 %2 is the default version of /%3</source>
        <translation>%1 %2 ist die Standardversion von /%3</translation>
    </message>
    <message>
        <source>/%1 has no default version</source>
        <translation>/%1 hat keine Standardversion</translation>
    </message>
</context>
<context>
    <name>ApiValidator</name>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must be at most 60 characters long</source>
        <translation>darf höchstens 60 Zeichen lang sein</translation>
    </message>
    <message>
        <source>must not start with &apos;/&apos; (write &quot;%1&quot;)</source>
        <translation>darf nicht mit &apos;/&apos; beginnen (schreiben Sie „%1“)</translation>
    </message>
    <message>
        <source>may contain only letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;~&apos;, &apos;-&apos; and &apos;/&apos; between segments</source>
        <translation>darf nur Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos;, &apos;~&apos;, &apos;-&apos; und &apos;/&apos; zwischen Segmenten enthalten</translation>
    </message>
    <message>
        <source>&quot;oauth2&quot; is reserved for the token endpoint</source>
        <translation>„oauth2“ ist für den Token-Endpunkt reserviert</translation>
    </message>
    <message>
        <source>must be letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, such as 1.0.0 or v2</source>
        <translation>darf nur aus Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; bestehen, etwa 1.0.0 oder v2</translation>
    </message>
    <message>
        <source>is not a valid URL: %1</source>
        <translation>ist keine gültige URL: %1</translation>
    </message>
    <message>
        <source>must start with http:// or https://</source>
        <translation>muss mit http:// oder https:// beginnen</translation>
    </message>
    <message>
        <source>has no host</source>
        <translation>enthält keinen Host</translation>
    </message>
    <message>
        <source>%1 already serves /%2/%3</source>
        <translation>%1 belegt /%2/%3 bereits</translation>
    </message>
    <message>
        <source>an API named %1 with version %2 exists already</source>
        <translation>eine API namens %1 mit der Version %2 gibt es bereits</translation>
    </message>
    <message>
        <source>unknown provider &quot;%1&quot;</source>
        <translation>unbekannter Anbieter „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used twice</source>
        <translation>„%1“ wird doppelt verwendet</translation>
    </message>
    <message>
        <source>API key required: %1 rejects calls without one</source>
        <translation>API-Schlüssel erforderlich: %1 weist Aufrufe ohne Schlüssel ab</translation>
    </message>
    <message>
        <source>no endpoints: the gateway has nowhere to send calls</source>
        <translation>keine Endpunkte: Das Gateway kann Aufrufe nirgendwohin weiterleiten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an HTTP method</source>
        <translation>„%1“ ist keine HTTP-Methode</translation>
    </message>
    <message>
        <source>must start with &apos;/&apos;</source>
        <translation>muss mit &apos;/&apos; beginnen</translation>
    </message>
    <message>
        <source>is defined twice</source>
        <translation>ist doppelt definiert</translation>
    </message>
    <message>
        <source>names no endpoint of this API (&quot;%1&quot;)</source>
        <translation>nennt keinen Endpunkt dieser API („%1“)</translation>
    </message>
    <message>
        <source>%1 is a %2 endpoint, not a %3 one</source>
        <translation>%1 ist ein %2-Endpunkt, kein %3-Endpunkt</translation>
    </message>
</context>
<context>
    <name>ApiVersioning</name>
    <message>
        <source>no API &quot;%1&quot;</source>
        <translation>keine API „%1“</translation>
    </message>
    <message>
        <source>version: %1 is already version %2</source>
        <translation>version: %1 ist bereits Version %2</translation>
    </message>
    <message>
        <source>cannot read the key of endpoint %1 from %2: %3</source>
        <translation>der Schlüssel des Endpunkts %1 kann nicht aus %2 gelesen werden: %3</translation>
    </message>
    <message>
        <source>cannot store the key of endpoint %1 in %2: %3</source>
        <translation>der Schlüssel des Endpunkts %1 kann nicht in %2 gespeichert werden: %3</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>a budget is in usd</source>
        <translation>ein Budget wird in usd angegeben</translation>
    </message>
</context>
<context>
    <name>ApplicationCommands</name>
    <message>
        <source>Create an application (what subscribes to APIs and holds keys).</source>
        <translation>Eine Anwendung erstellen (sie abonniert APIs und besitzt Schlüssel).</translation>
    </message>
    <message>
        <source>Creates a Developer Portal application. Its access tokens are valid for --token-validity seconds (default 3600). Prints the application&apos;s id (the application as JSON with --json).</source>
        <translation>Erstellt eine Anwendung im Entwicklerportal. Ihre Zugriffstoken sind --token-validity Sekunden lang gültig (Standard 3600). Gibt die ID der Anwendung aus (mit --json die Anwendung als JSON).</translation>
    </message>
    <message>
        <source>The application&apos;s name.</source>
        <translation>Der Name der Anwendung.</translation>
    </message>
    <message>
        <source>Description.</source>
        <translation>Beschreibung.</translation>
    </message>
    <message>
        <source>Lifetime of the access tokens issued to it (default 3600).</source>
        <translation>Gültigkeitsdauer der für sie ausgestellten Zugriffstoken (Standard 3600).</translation>
    </message>
    <message>
        <source>List the applications.</source>
        <translation>Die Anwendungen auflisten.</translation>
    </message>
    <message>
        <source>Lists the applications: name, id, token validity, number of subscriptions and the key types generated.</source>
        <translation>Listet die Anwendungen auf: Name, ID, Token-Gültigkeit, Anzahl der Abonnements und die erzeugten Schlüsseltypen.</translation>
    </message>
    <message>
        <source>Delete an application and its consumer secrets.</source>
        <translation>Eine Anwendung und ihre Consumer-Geheimnisse löschen.</translation>
    </message>
    <message>
        <source>Deletes an application with its subscriptions and keys, and removes its consumer secrets from the secret store; its tokens stop working.</source>
        <translation>Löscht eine Anwendung mit ihren Abonnements und Schlüsseln und entfernt ihre Consumer-Geheimnisse aus dem Geheimnisspeicher; ihre Token werden ungültig.</translation>
    </message>
    <message>
        <source>Subscribe an application to an API under a business plan.</source>
        <translation>Eine API für eine Anwendung mit einem Tarif abonnieren.</translation>
    </message>
    <message>
        <source>Subscribes an application to an API under one of the workspace&apos;s business plans (Bronze, Silver, Gold, Unlimited, ...; case-insensitive), which sets its quotas. An application subscribes to an API once; unsubscribe first to change the plan.</source>
        <translation>Abonniert eine API für eine Anwendung mit einem der Tarife des Arbeitsbereichs (Bronze, Silver, Gold, Unlimited, ...; ohne Beachtung der Groß-/Kleinschreibung), der ihre Kontingente festlegt. Eine Anwendung abonniert eine API nur einmal; um den Tarif zu wechseln, kündigen Sie das Abonnement zuerst mit unsubscribe.</translation>
    </message>
    <message>
        <source>The business plan&apos;s name.</source>
        <translation>Der Name des Tarifs.</translation>
    </message>
    <message>
        <source>Remove an application&apos;s subscription to an API.</source>
        <translation>Das Abonnement einer Anwendung für eine API kündigen.</translation>
    </message>
    <message>
        <source>Removes the subscription: the application&apos;s tokens are refused by that API from then on.</source>
        <translation>Entfernt das Abonnement: Die API weist die Token der Anwendung von da an ab.</translation>
    </message>
    <message>
        <source>List an application&apos;s subscriptions.</source>
        <translation>Die Abonnements einer Anwendung auflisten.</translation>
    </message>
    <message>
        <source>Lists the APIs an application is subscribed to, with the plan and since when.</source>
        <translation>Listet die APIs auf, die eine Anwendung abonniert hat, mit Tarif und Beginn des Abonnements.</translation>
    </message>
    <message>
        <source>--name must be at most 70 characters long</source>
        <translation>--name darf höchstens 70 Zeichen lang sein</translation>
    </message>
    <message>
        <source>an application named %1 exists already (id %2)</source>
        <translation>es gibt bereits eine Anwendung namens %1 (ID %2)</translation>
    </message>
    <message>
        <source>No applications yet; create one with gatehouse-ctl app create.</source>
        <translation>Noch keine Anwendungen; erstellen Sie eine mit gatehouse-ctl app create.</translation>
    </message>
    <message>
        <source>NAME</source>
        <extracomment>Column headers of &quot;app list&quot;, in capitals.</extracomment>
        <translation>NAME</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>TOKEN VALIDITY</source>
        <translation>TOKEN-GÜLTIGKEIT</translation>
    </message>
    <message>
        <source>SUBSCRIPTIONS</source>
        <translation>ABONNEMENTS</translation>
    </message>
    <message>
        <source>KEYS</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>%1 is a number of seconds.</extracomment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>deleted application %1, but could not remove its consumer secrets from %2: %3</source>
        <translation>Anwendung %1 gelöscht, aber ihre Consumer-Geheimnisse konnten nicht aus %2 entfernt werden: %3</translation>
    </message>
    <message>
        <source>Deleted application %1 (%2)</source>
        <translation>Anwendung %1 (%2) gelöscht</translation>
    </message>
    <message>
        <source>unknown business plan &quot;%1&quot; (plans: %2)</source>
        <translation>unbekannter Tarif „%1“ (Tarife: %2)</translation>
    </message>
    <message>
        <source>%1 is already subscribed to %2 %3 (plan %4); unsubscribe first to change the plan</source>
        <translation>%1 hat %2 %3 bereits abonniert (Tarif %4); kündigen Sie das Abonnement zuerst, um den Tarif zu wechseln</translation>
    </message>
    <message>
        <source>%1 is not deployed yet: its calls fail until gatehouse-ctl deploy --api %1</source>
        <translation>%1 ist noch nicht bereitgestellt: Aufrufe schlagen fehl, bis gatehouse-ctl deploy --api %1 ausgeführt wurde</translation>
    </message>
    <message>
        <source>Subscribed %1 to %2 %3 with the %4 plan</source>
        <translation>%2 %3 für %1 mit dem Tarif %4 abonniert</translation>
    </message>
    <message>
        <source>%1 is not subscribed to %2</source>
        <translation>%1 hat %2 nicht abonniert</translation>
    </message>
    <message>
        <source>Unsubscribed %1 from %2</source>
        <translation>Abonnement von %1 für %2 gekündigt</translation>
    </message>
    <message>
        <source>%1 has no subscriptions.</source>
        <translation>%1 hat keine Abonnements.</translation>
    </message>
    <message>
        <source>API</source>
        <extracomment>Column headers of &quot;subscriptions&quot;, in capitals.</extracomment>
        <translation>API</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>BASE PATH</source>
        <translation>BASISPFAD</translation>
    </message>
    <message>
        <source>PLAN</source>
        <translation>TARIF</translation>
    </message>
    <message>
        <source>SINCE</source>
        <translation>SEIT</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <extracomment>%1 is the id of an API that no longer exists.</extracomment>
        <translation>%1 (gelöscht)</translation>
    </message>
    <message>
        <source>Set or show an application&apos;s dollar budgets.</source>
        <translation>Die Dollar-Budgets einer Anwendung festlegen oder anzeigen.</translation>
    </message>
    <message>
        <source>An application&apos;s own budgets in US dollars per min, hour, day or month (fixed UTC windows), across every API it calls and on top of its plans&apos; limits: --usd 5/day --usd 100/month. Answers are charged when they are done, streams included; once a budget is spent the next request is refused with 429 (code 900803) until its window resets. Free models cost nothing. Without options, shows the budgets; --clear removes them.</source>
        <translation>Die eigenen Budgets einer Anwendung in US-Dollar pro Minute (min), Stunde (hour), Tag (day) oder Monat (month) (feste UTC-Zeitfenster), über alle APIs, die sie aufruft, und zusätzlich zu den Grenzen ihrer Tarife: --usd 5/day --usd 100/month. Antworten werden berechnet, wenn sie fertig sind, Streams eingeschlossen; ist ein Budget aufgebraucht, wird die nächste Anfrage mit 429 (Code 900803) abgewiesen, bis sein Zeitfenster neu beginnt. Kostenlose Modelle kosten nichts. Ohne Optionen werden die Budgets angezeigt; --clear entfernt sie.</translation>
    </message>
    <message>
        <source>A budget; may be repeated.</source>
        <translation>Ein Budget; darf wiederholt werden.</translation>
    </message>
    <message>
        <source>Remove the application&apos;s budgets.</source>
        <translation>Die Budgets der Anwendung entfernen.</translation>
    </message>
    <message>
        <source>--clear and --usd: give one of them</source>
        <translation>--clear und --usd: geben Sie nur eines davon an</translation>
    </message>
    <message>
        <source>%1 has no budget</source>
        <extracomment>What &quot;app budget&quot; prints for an application without budgets.</extracomment>
        <translation>%1 hat kein Budget</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ApplicationKeys</name>
    <message>
        <source>no application with id &quot;%1&quot;</source>
        <translation>keine Anwendung mit der ID „%1“</translation>
    </message>
    <message>
        <source>the %1 consumer secret of %2 is not in %3; generate the keys again</source>
        <extracomment>%1 is &quot;production&quot; or &quot;sandbox&quot;, %2 an application id, %3 where secrets are kept.</extracomment>
        <translation>das %1-Consumer-Geheimnis von %2 ist nicht in %3 gespeichert; erzeugen Sie die Schlüssel neu</translation>
    </message>
</context>
<context>
    <name>CommandArguments</name>
    <message>
        <source>missing %1</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <source>%1 must not be empty</source>
        <translation>%1 darf nicht leer sein</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3 (got &quot;%4&quot;)</source>
        <translation>%1 muss eine ganze Zahl von %2 bis %3 sein (angegeben: „%4“)</translation>
    </message>
    <message>
        <source>%1 must be production or sandbox (got &quot;%2&quot;)</source>
        <extracomment>&quot;production&quot; and &quot;sandbox&quot; are the values to type: keep them in English.</extracomment>
        <translation>%1 muss production oder sandbox sein (angegeben: „%2“)</translation>
    </message>
    <message>
        <source>%1 must be request, response or fault (got &quot;%2&quot;)</source>
        <extracomment>&quot;request&quot;, &quot;response&quot; and &quot;fault&quot; are the values to type: keep them in English.</extracomment>
        <translation>%1 muss request, response oder fault sein (angegeben: „%2“)</translation>
    </message>
    <message>
        <source>give exactly one of %1</source>
        <translation>geben Sie genau eine der Optionen %1 an</translation>
    </message>
</context>
<context>
    <name>CtlApplication</name>
    <message>
        <source>The workspace folder. Default: $GATEHOUSE_WORKSPACE. Commands that write create it when missing.</source>
        <translation>Der Ordner des Arbeitsbereichs. Standard: $GATEHOUSE_WORKSPACE. Schreibende Befehle legen ihn an, wenn er fehlt.</translation>
    </message>
    <message>
        <source>Keep backend keys and consumer secrets in FILE (created with mode 0600) instead of the desktop keychain: for machines without a Secret Service.</source>
        <extracomment>FILE is the value placeholder of --secrets-file: keep it.</extracomment>
        <translation>Backend-Schlüssel und Consumer-Geheimnisse in FILE (mit Modus 0600 angelegt) statt im Schlüsselbund des Desktops ablegen: für Rechner ohne Secret Service.</translation>
    </message>
    <message>
        <source>Machine-readable JSON on standard output.</source>
        <translation>Maschinenlesbares JSON auf der Standardausgabe.</translation>
    </message>
    <message>
        <source>Describe gatehouse-ctl, or the command it follows.</source>
        <translation>gatehouse-ctl oder den vorangehenden Befehl beschreiben.</translation>
    </message>
    <message>
        <source>Print the version (without a command).</source>
        <translation>Die Version ausgeben (ohne Befehl).</translation>
    </message>
    <message>
        <source>no command given (see gatehouse-ctl --help)</source>
        <translation>kein Befehl angegeben (siehe gatehouse-ctl --help)</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (see gatehouse-ctl --help)</source>
        <translation>unbekannter Befehl „%1“ (siehe gatehouse-ctl --help)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a subcommand: %2 (see gatehouse-ctl %1 --help)</source>
        <extracomment>%1 is a command group such as &quot;api&quot;, %2 the list of its subcommands.</extracomment>
        <translation>„%1“ erfordert einen Unterbefehl: %2 (siehe gatehouse-ctl %1 --help)</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; %2 has: %3</source>
        <extracomment>%1 is the command as typed, %2 its command group, %3 the group&apos;s subcommands.</extracomment>
        <translation>unbekannter Befehl „%1“; %2 kennt: %3</translation>
    </message>
    <message>
        <source>%1 has no option %2 (see gatehouse-ctl %1 --help)</source>
        <extracomment>%1 is a command such as &quot;api create&quot;, %2 the option as typed.</extracomment>
        <translation>%1 hat keine Option %2 (siehe gatehouse-ctl %1 --help)</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; (see gatehouse-ctl %2 --help)</source>
        <translation>unerwartetes Argument „%1“ (siehe gatehouse-ctl %2 --help)</translation>
    </message>
    <message>
        <source>%1 must not be empty</source>
        <translation>%1 darf nicht leer sein</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <translation>interner Fehler: %1</translation>
    </message>
</context>
<context>
    <name>CtlContext</name>
    <message>
        <source>no workspace given: pass --workspace DIR or set GATEHOUSE_WORKSPACE</source>
        <translation>kein Arbeitsbereich angegeben: Geben Sie --workspace DIR an oder setzen Sie GATEHOUSE_WORKSPACE</translation>
    </message>
    <message>
        <source>no workspace at %1 (the folder does not exist)</source>
        <translation>kein Arbeitsbereich unter %1 (der Ordner existiert nicht)</translation>
    </message>
    <message>
        <source>internal error: the workspace is not open</source>
        <translation>interner Fehler: Der Arbeitsbereich ist nicht geöffnet</translation>
    </message>
    <message>
        <source>cannot open the secret store</source>
        <translation>der Geheimnisspeicher kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 must not be empty</source>
        <translation>%1 darf nicht leer sein</translation>
    </message>
    <message>
        <source>several APIs are named &quot;%1&quot; (versions %2): name one as %1:VERSION or by its id</source>
        <extracomment>VERSION is a placeholder for the version to type after the name.</extracomment>
        <translation>mehrere APIs heißen „%1“ (Versionen %2): Geben Sie eine als %1:VERSION oder über ihre ID an</translation>
    </message>
    <message>
        <source>no API named &quot;%1&quot; in this workspace (see gatehouse-ctl api list)</source>
        <translation>keine API namens „%1“ in diesem Arbeitsbereich (siehe gatehouse-ctl api list)</translation>
    </message>
    <message>
        <source>no application named &quot;%1&quot; in this workspace (see gatehouse-ctl app list)</source>
        <translation>keine Anwendung namens „%1“ in diesem Arbeitsbereich (siehe gatehouse-ctl app list)</translation>
    </message>
    <message>
        <source>(and 1 more error)</source>
        <translation>(und 1 weiterer Fehler)</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more errors)</source>
        <translation>
            <numerusform>(und %n weiterer Fehler)</numerusform>
            <numerusform>(und %n weitere Fehler)</numerusform>
        </translation>
    </message>
    <message>
        <source>warning: %1</source>
        <extracomment>The start of a warning line on standard error, after &quot;gatehouse-ctl: &quot;; %1 is the warning.</extracomment>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>DemoWorkspace</name>
    <message>
        <source>the built-in Demo provider is missing</source>
        <translation>der eingebaute Demo-Anbieter fehlt</translation>
    </message>
</context>
<context>
    <name>DeployCommands</name>
    <message>
        <source>Validate an API, snapshot it as a new revision and deploy that revision.</source>
        <translation>Eine API validieren, als neue Revision festhalten und diese Revision bereitstellen.</translation>
    </message>
    <message>
        <source>Validates the API (refusing on errors), creates a new immutable revision of its current design and makes it the one the local gateway serves; a running gateway picks it up without restarting.</source>
        <translation>Validiert die API (bei Fehlern wird abgebrochen), erstellt eine neue, unveränderliche Revision ihres aktuellen Entwurfs und macht sie zu der Revision, die das lokale Gateway ausliefert; ein laufendes Gateway übernimmt sie ohne Neustart.</translation>
    </message>
    <message>
        <source>What changed in this revision.</source>
        <translation>Was sich in dieser Revision geändert hat.</translation>
    </message>
    <message>
        <source>Stop serving an API on the local gateway (its revisions stay).</source>
        <translation>Eine API nicht mehr auf dem lokalen Gateway ausliefern (ihre Revisionen bleiben erhalten).</translation>
    </message>
    <message>
        <source>Removes the API&apos;s deployment: the gateway stops serving it. Its revisions are kept, ready to deploy again. Succeeds if it was not deployed.</source>
        <translation>Hebt die Bereitstellung der API auf: Das Gateway liefert sie nicht mehr aus. Ihre Revisionen bleiben erhalten und können erneut bereitgestellt werden. Gelingt auch, wenn die API nicht bereitgestellt war.</translation>
    </message>
    <message>
        <source>List an API&apos;s revisions and which one is deployed.</source>
        <translation>Die Revisionen einer API auflisten und zeigen, welche bereitgestellt ist.</translation>
    </message>
    <message>
        <source>Lists the API&apos;s revisions: number, creation time, description, and a marker on the deployed one.</source>
        <translation>Listet die Revisionen der API auf: Nummer, Erstellungszeit, Beschreibung und eine Markierung an der bereitgestellten.</translation>
    </message>
    <message>
        <source>created revision %1 of %2 but could not deploy it: %3</source>
        <translation>Revision %1 von %2 wurde erstellt, konnte aber nicht bereitgestellt werden: %3</translation>
    </message>
    <message>
        <source>Deployed revision %1 of %2</source>
        <translation>Revision %1 von %2 bereitgestellt</translation>
    </message>
    <message>
        <source>Undeployed %1 (revision %2 is no longer served)</source>
        <translation>Bereitstellung von %1 aufgehoben (Revision %2 wird nicht mehr ausgeliefert)</translation>
    </message>
    <message>
        <source>%1 was not deployed</source>
        <translation>%1 war nicht bereitgestellt</translation>
    </message>
    <message>
        <source>%1 has no revisions yet; gatehouse-ctl deploy --api %1 creates one.</source>
        <translation>%1 hat noch keine Revisionen; gatehouse-ctl deploy --api %1 erstellt eine.</translation>
    </message>
    <message>
        <source>REVISION</source>
        <extracomment>Column headers of &quot;revisions&quot;, in capitals.</extracomment>
        <translation>REVISION</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>ERSTELLT</translation>
    </message>
    <message>
        <source>DEPLOYED</source>
        <translation>BEREITGESTELLT</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>BESCHREIBUNG</translation>
    </message>
    <message>
        <source>* deployed</source>
        <extracomment>Marks the deployed revision in the DEPLOYED column.</extracomment>
        <translation>* bereitgestellt</translation>
    </message>
</context>
<context>
    <name>EmbeddingCommands</name>
    <message>
        <source>Show or set the embedding provider the semantic policies use.</source>
        <translation>Den Embedding-Anbieter der semantischen Richtlinien anzeigen oder festlegen.</translation>
    </message>
    <message>
        <source>SemanticCache turns the text it compares into vectors with an OpenAI-compatible embeddings endpoint: POST &lt;endpoint&gt;/embeddings. --endpoint sets it (https://api.openai.com/v1, or mock://demo/v1 for the built-in mock, which the demo workspace uses); --model the model (default text-embedding-3-small); --key-stdin stores its key, read from the first line of standard input, in the secret store (never in the workspace); --clear removes the provider and its key. Without options it shows them. Deploy again, or restart the gateway, for it to use a change.</source>
        <translation>SemanticCache wandelt den verglichenen Text mit einem OpenAI-kompatiblen Embeddings-Endpunkt in Vektoren um: POST &lt;endpoint&gt;/embeddings. --endpoint legt ihn fest (https://api.openai.com/v1 oder mock://demo/v1 für den eingebauten Mock, den der Demo-Arbeitsbereich nutzt); --model das Modell (Standard text-embedding-3-small); --key-stdin legt seinen Schlüssel, gelesen aus der ersten Zeile der Standardeingabe, im Geheimnisspeicher ab (nie im Arbeitsbereich); --clear entfernt den Anbieter und seinen Schlüssel. Ohne Optionen zeigt es sie an. Erneut bereitstellen oder das Gateway neu starten, damit es eine Änderung nutzt.</translation>
    </message>
    <message>
        <source>The endpoint&apos;s base URL.</source>
        <translation>Die Basis-URL des Endpunkts.</translation>
    </message>
    <message>
        <source>The embedding model.</source>
        <translation>Das Embedding-Modell.</translation>
    </message>
    <message>
        <source>Read the key from the first line of standard input.</source>
        <translation>Den Schlüssel aus der ersten Zeile der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>Forget the provider and its key.</source>
        <translation>Den Anbieter und seinen Schlüssel vergessen.</translation>
    </message>
    <message>
        <source>cannot remove the key from %1: %2</source>
        <translation>der Schlüssel kann nicht aus %1 entfernt werden: %2</translation>
    </message>
    <message>
        <source>--endpoint %1 (got &quot;%2&quot;)</source>
        <translation>--endpoint %1 (angegeben: „%2“)</translation>
    </message>
    <message>
        <source>--model needs a model name</source>
        <translation>--model braucht einen Modellnamen</translation>
    </message>
    <message>
        <source>cannot store the key in %1: %2</source>
        <translation>der Schlüssel kann nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Embeddings: %1, model %2, key %3</source>
        <translation>Embeddings: %1, Modell %2, Schlüssel %3</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Embeddings: no provider set (the semantic policies let every request through)</source>
        <translation>Embeddings: kein Anbieter festgelegt (die semantischen Richtlinien lassen jede Anfrage durch)</translation>
    </message>
</context>
<context>
    <name>EmbeddingSettings</name>
    <message>
        <source>must be an http:// or https:// URL such as https://api.openai.com/v1 (or mock://demo/v1)</source>
        <translation>muss eine http://- oder https://-URL wie https://api.openai.com/v1 sein (oder mock://demo/v1)</translation>
    </message>
    <message>
        <source>must not carry credentials: the key is kept in the secret store</source>
        <translation>darf keine Zugangsdaten enthalten: der Schlüssel liegt im Geheimnisspeicher</translation>
    </message>
    <message>
        <source>must name the embedding model</source>
        <translation>muss das Embedding-Modell nennen</translation>
    </message>
</context>
<context>
    <name>Endpoint</name>
    <message>
        <source>must be &quot;production&quot; or &quot;sandbox&quot; (got &quot;%1&quot;)</source>
        <translation>muss „production“ oder „sandbox“ sein (angegeben: „%1“)</translation>
    </message>
</context>
<context>
    <name>EndpointCommands</name>
    <message>
        <source>Add an endpoint (a backend) to an API.</source>
        <translation>Einer API einen Endpunkt (ein Backend) hinzufügen.</translation>
    </message>
    <message>
        <source>Adds a named endpoint to one stage of an API; model routers refer to it by its id. The key, if given, goes to the secret store only.</source>
        <translation>Fügt einer Umgebung einer API einen benannten Endpunkt hinzu; Modell-Router verweisen über seine ID auf ihn. Der Schlüssel wird, falls angegeben, nur im Geheimnisspeicher abgelegt.</translation>
    </message>
    <message>
        <source>The stage (key type) the endpoint serves.</source>
        <translation>Die Umgebung (der Schlüsseltyp), die der Endpunkt bedient.</translation>
    </message>
    <message>
        <source>The endpoint&apos;s id, unique within the API.</source>
        <translation>Die ID des Endpunkts, eindeutig innerhalb der API.</translation>
    </message>
    <message>
        <source>Display name.</source>
        <translation>Anzeigename.</translation>
    </message>
    <message>
        <source>The backend&apos;s base URL.</source>
        <translation>Die Basis-URL des Backends.</translation>
    </message>
    <message>
        <source>The backend&apos;s API key.</source>
        <translation>Der API-Schlüssel des Backends.</translation>
    </message>
    <message>
        <source>Store or replace the API key of an endpoint.</source>
        <translation>Den API-Schlüssel eines Endpunkts speichern oder ersetzen.</translation>
    </message>
    <message>
        <source>Stores the API key of one endpoint in the secret store (replacing any previous one). --key-stdin reads the first line of standard input, so the key stays out of the shell history and the process list.</source>
        <translation>Speichert den API-Schlüssel eines Endpunkts im Geheimnisspeicher (ein vorhandener wird ersetzt). --key-stdin liest die erste Zeile der Standardeingabe, sodass der Schlüssel weder im Shell-Verlauf noch in der Prozessliste erscheint.</translation>
    </message>
    <message>
        <source>The endpoint&apos;s id.</source>
        <translation>Die ID des Endpunkts.</translation>
    </message>
    <message>
        <source>The key.</source>
        <translation>Der Schlüssel.</translation>
    </message>
    <message>
        <source>Read the key from the first line of standard input.</source>
        <translation>Den Schlüssel aus der ersten Zeile der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>List an API&apos;s endpoints and whether their keys are stored.</source>
        <translation>Die Endpunkte einer API auflisten und zeigen, ob ihre Schlüssel gespeichert sind.</translation>
    </message>
    <message>
        <source>Lists the endpoints of an API: id, stage, name, URL and whether a key is stored (the key itself is never shown).</source>
        <translation>Listet die Endpunkte einer API auf: ID, Umgebung, Name, URL und ob ein Schlüssel gespeichert ist (der Schlüssel selbst wird nie angezeigt).</translation>
    </message>
    <message>
        <source>cannot read standard input</source>
        <translation>die Standardeingabe kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>--key-stdin: no key on the first line of standard input</source>
        <translation>--key-stdin: kein Schlüssel in der ersten Zeile der Standardeingabe</translation>
    </message>
    <message>
        <source>%1 already has an endpoint with id &quot;%2&quot;</source>
        <translation>%1 hat bereits einen Endpunkt mit der ID „%2“</translation>
    </message>
    <message>
        <source>cannot store the key of endpoint %1 in %2: %3</source>
        <translation>der Schlüssel des Endpunkts %1 kann nicht in %2 gespeichert werden: %3</translation>
    </message>
    <message>
        <source>Added the %1 endpoint %2 to %3</source>
        <translation>Endpunkt %2 (%1) zu %3 hinzugefügt</translation>
    </message>
    <message>
        <source>%1 has no endpoint &quot;%2&quot; (endpoints: %3)</source>
        <translation>%1 hat keinen Endpunkt „%2“ (Endpunkte: %3)</translation>
    </message>
    <message>
        <source>Stored the key of endpoint %1 of %2 in %3</source>
        <translation>Schlüssel des Endpunkts %1 von %2 in %3 gespeichert</translation>
    </message>
    <message>
        <source>%1 has no endpoints.</source>
        <translation>%1 hat keine Endpunkte.</translation>
    </message>
    <message>
        <source>ID</source>
        <extracomment>Column headers of &quot;endpoint list&quot;, in capitals.</extracomment>
        <translation>ID</translation>
    </message>
    <message>
        <source>STAGE</source>
        <translation>UMGEBUNG</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <source>stored</source>
        <extracomment>In the KEY column: the endpoint&apos;s key is stored.</extracomment>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>In the KEY column: the endpoint has no key.</extracomment>
        <translation>keiner</translation>
    </message>
    <message>
        <source>List the models an endpoint itself says it serves.</source>
        <translation>Die Modelle auflisten, die ein Endpunkt nach eigener Auskunft anbietet.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a %2 endpoint, not a %3 one</source>
        <translation>„%1“ ist ein %2-Endpunkt, kein %3-Endpunkt</translation>
    </message>
    <message>
        <source>%1 has no %2 endpoint</source>
        <translation>%1 hat keinen %2-Endpunkt</translation>
    </message>
    <message>
        <source>(not in %1&apos;s list)</source>
        <extracomment>After a model id that the provider&apos;s own model list lacks; %1 is the provider (&quot;OpenAI&quot;).</extracomment>
        <translation>(nicht in der Liste von %1)</translation>
    </message>
    <message>
        <source>%1 lists no models.</source>
        <translation>%1 führt keine Modelle.</translation>
    </message>
    <message>
        <source>Asks the endpoint for its model list (GET &lt;endpoint URL&gt;/models) with its stored key, sent as the gateway sends it, and prints the model ids one per line; those the provider&apos;s own model list does not have are marked. Without --endpoint, the stage&apos;s primary endpoint is asked (production unless --stage says otherwise). With --json: an array of {&quot;id&quot;, &quot;known&quot;}, known meaning the provider lists the model. Gives up after %1 s.</source>
        <translation>Fragt den Endpunkt nach seiner Modellliste (GET &lt;Endpunkt-URL&gt;/models), mit seinem gespeicherten Schlüssel so gesendet, wie das Gateway ihn sendet, und gibt die Modell-IDs zeilenweise aus; Modelle, die die eigene Liste des Anbieters nicht enthält, werden markiert. Ohne --endpoint wird der primäre Endpunkt der Umgebung gefragt (Produktion, sofern --stage nichts anderes sagt). Mit --json: ein Array aus {&quot;id&quot;, &quot;known&quot;}, wobei known bedeutet, dass der Anbieter das Modell führt. Gibt nach %1 s auf.</translation>
    </message>
    <message>
        <source>The stage whose primary endpoint is asked (default: production).</source>
        <translation>Die Umgebung, deren primärer Endpunkt gefragt wird (Standard: production).</translation>
    </message>
    <message>
        <source>Make an endpoint its stage&apos;s primary endpoint (WSO2&apos;s &quot;Set as Primary&quot;).</source>
        <translation>Einen Endpunkt zum primären Endpunkt seiner Umgebung machen („Set as Primary“ von WSO2).</translation>
    </message>
    <message>
        <source>Makes the endpoint the primary one of its stage: the endpoint the stage&apos;s requests go to when no model router picks one. Without a primary, a stage uses its default endpoint, else its first. Takes effect with the next deployed revision.</source>
        <translation>Macht den Endpunkt zum primären seiner Umgebung: zu dem Endpunkt, an den die Anfragen der Umgebung gehen, wenn kein Modell-Router einen wählt. Ohne primären Endpunkt verwendet eine Umgebung ihren Standard-Endpunkt, sonst ihren ersten. Wirkt mit der nächsten bereitgestellten Revision.</translation>
    </message>
    <message>
        <source>%1 is now the primary %2 endpoint of %3</source>
        <translation>%1 ist jetzt der primäre %2-Endpunkt von %3</translation>
    </message>
    <message>
        <source>PRIMARY</source>
        <translation>PRIMÄR</translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>In the PRIMARY column: the endpoint is its stage&apos;s primary one.</extracomment>
        <translation>ja</translation>
    </message>
</context>
<context>
    <name>EndpointModelQuery</name>
    <message>
        <source>%1 uses the provider &quot;%2&quot;, which this workspace does not have</source>
        <translation>%1 verwendet den Anbieter „%2“, den dieser Arbeitsbereich nicht hat</translation>
    </message>
    <message>
        <source>endpoint %1 is served by Gatehouse&apos;s built-in mock (%2), which only the app and gatehouse-gateway reach</source>
        <translation>Endpunkt %1 wird vom eingebauten Mock von Gatehouse bedient (%2), den nur die App und gatehouse-gateway erreichen</translation>
    </message>
    <message>
        <source>endpoint %1 has no http(s) URL (&quot;%2&quot;)</source>
        <translation>Endpunkt %1 hat keine http(s)-URL („%2“)</translation>
    </message>
    <message>
        <source>cannot read the key of endpoint %1 from %2: %3</source>
        <translation>der Schlüssel von Endpunkt %1 kann nicht aus %2 gelesen werden: %3</translation>
    </message>
    <message>
        <source>endpoint %1 should have a key, but none is stored in %2</source>
        <translation>Endpunkt %1 sollte einen Schlüssel haben, aber in %2 ist keiner gespeichert</translation>
    </message>
    <message>
        <source>endpoint %1 has no API key, and %2 needs one</source>
        <translation>Endpunkt %1 hat keinen API-Schlüssel, und %2 braucht einen</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: %3</source>
        <translation>%1 antwortete mit HTTP %2: %3</translation>
    </message>
    <message>
        <source>the answer of %1 is not JSON</source>
        <translation>die Antwort von %1 ist kein JSON</translation>
    </message>
    <message>
        <source>the answer of %1 has no &quot;data&quot; list of models</source>
        <translation>die Antwort von %1 hat keine &quot;data&quot;-Liste mit Modellen</translation>
    </message>
    <message>
        <source>no answer from %1: %2</source>
        <translation>keine Antwort von %1: %2</translation>
    </message>
    <message>
        <source>HTTP %1 without a body</source>
        <translation>HTTP %1 ohne Inhalt</translation>
    </message>
</context>
<context>
    <name>FileSecretStore</name>
    <message>
        <source>%1: cannot read the secrets file: %2</source>
        <translation>%1: Die Geheimnisdatei kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: refusing a secrets file that other users can access (mode %2); run chmod 600 on it</source>
        <translation>%1: Eine Geheimnisdatei, auf die andere Benutzer zugreifen können, wird abgelehnt (Modus %2); führen Sie chmod 600 für die Datei aus</translation>
    </message>
    <message>
        <source>%1: refusing a secrets file owned by another user</source>
        <translation>%1: Eine Geheimnisdatei, die einem anderen Benutzer gehört, wird abgelehnt</translation>
    </message>
    <message>
        <source>%1: cannot create the secrets file: %2</source>
        <translation>%1: Die Geheimnisdatei kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>%1: cannot write the secrets file</source>
        <translation>%1: Die Geheimnisdatei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1: not a Gatehouse secrets file (expected {&quot;secrets&quot;: {...}})</source>
        <translation>%1: keine Gatehouse-Geheimnisdatei (erwartet: {&quot;secrets&quot;: {...}})</translation>
    </message>
    <message>
        <source>%1: $.secrets.%2: expected a string</source>
        <translation>%1: $.secrets.%2: muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>the secrets file %1</source>
        <extracomment>Where secrets are kept, completing sentences such as &quot;API key stored in %1&quot; or &quot;cannot remove the keys from %1&quot;.</extracomment>
        <translation>der Geheimnisdatei %1</translation>
    </message>
</context>
<context>
    <name>FlowKind</name>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>GatewayCommands</name>
    <message>
        <source>Show a running gateway&apos;s counters and suspended (endpoint, model) pairs.</source>
        <translation>Die Zähler und die ausgesetzten Paare (Endpunkt, Modell) eines laufenden Gateways anzeigen.</translation>
    </message>
    <message>
        <source>Asks a running gatehouse-gateway for its status (GET &lt;admin&gt;/status on its admin listener) and shows its counters and the suspension table: API, endpoint, model, failures and seconds until the pair is tried again. The admin address comes from --admin or from &lt;workspace&gt;/run/gateway.json, which a gateway serving the workspace writes. With --json, the status document as the gateway sends it.</source>
        <translation>Fragt ein laufendes gatehouse-gateway nach seinem Status (GET &lt;admin&gt;/status auf seiner Admin-Schnittstelle) und zeigt seine Zähler und die Tabelle der Aussetzungen: API, Endpunkt, Modell, Fehlschläge und die Sekunden, bis das Paar erneut versucht wird. Die Admin-Adresse stammt aus --admin oder aus &lt;workspace&gt;/run/gateway.json, das ein Gateway schreibt, das den Arbeitsbereich ausliefert. Mit --json das Statusdokument so, wie das Gateway es sendet.</translation>
    </message>
    <message>
        <source>The admin listener, such as http://127.0.0.1:9280 (default: the one in &lt;workspace&gt;/run/gateway.json).</source>
        <translation>Die Admin-Schnittstelle, etwa http://127.0.0.1:9280 (Standard: die aus &lt;workspace&gt;/run/gateway.json).</translation>
    </message>
    <message>
        <source>--admin must be host:port or an http:// URL (got &quot;%1&quot;)</source>
        <translation>--admin muss host:port oder eine http://-URL sein (angegeben: „%1“)</translation>
    </message>
    <message>
        <source>no gateway is running on this workspace (start gatehouse-gateway --workspace %1)</source>
        <translation>für diesen Arbeitsbereich läuft kein Gateway (starten Sie gatehouse-gateway --workspace %1)</translation>
    </message>
    <message>
        <source>the gateway running on this workspace has no admin listener (%1 has no &quot;admin&quot; address); restart gatehouse-gateway with its admin listener or pass --admin URL</source>
        <translation>das Gateway dieses Arbeitsbereichs hat keine Admin-Schnittstelle (%1 enthält keine &quot;admin&quot;-Adresse); starten Sie gatehouse-gateway mit Admin-Schnittstelle neu oder geben Sie --admin URL an</translation>
    </message>
    <message>
        <source>%1: &quot;admin&quot; is not host:port</source>
        <translation>%1: &quot;admin&quot; ist nicht host:port</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>Gateway:</translation>
    </message>
    <message>
        <source>Deployed APIs:</source>
        <translation>Bereitgestellte APIs:</translation>
    </message>
    <message>
        <source>API</source>
        <extracomment>Column headers of the deployed APIs, in capitals.
----------
Column headers of the suspended pairs, in capitals.</extracomment>
        <translation>API</translation>
    </message>
    <message>
        <source>BASE PATH</source>
        <translation>BASISPFAD</translation>
    </message>
    <message>
        <source>REVISION</source>
        <translation>REVISION</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Probleme:</translation>
    </message>
    <message>
        <source>COUNTER</source>
        <extracomment>Column headers of the gateway&apos;s counters, in capitals.</extracomment>
        <translation>ZÄHLER</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>WERT</translation>
    </message>
    <message>
        <source>Counters:</source>
        <translation>Zähler:</translation>
    </message>
    <message>
        <source>Suspended (API, endpoint, model) pairs:</source>
        <translation>Ausgesetzte Paare (API, Endpunkt, Modell):</translation>
    </message>
    <message>
        <source>ENDPOINT</source>
        <translation>ENDPUNKT</translation>
    </message>
    <message>
        <source>MODEL</source>
        <translation>MODELL</translation>
    </message>
    <message>
        <source>FAILURES</source>
        <translation>FEHLSCHLÄGE</translation>
    </message>
    <message>
        <source>SECONDS LEFT</source>
        <translation>RESTSEKUNDEN</translation>
    </message>
    <message>
        <source>LAST ERROR</source>
        <translation>LETZTER FEHLER</translation>
    </message>
    <message>
        <source>%1 (trial request in flight)</source>
        <extracomment>%1 is the number of seconds until the pair is tried again.</extracomment>
        <translation>%1 (Probeanfrage läuft)</translation>
    </message>
    <message>
        <source>cannot reach the gateway&apos;s admin listener at %1: %2 (is gatehouse-gateway still running?)</source>
        <translation>die Admin-Schnittstelle des Gateways unter %1 ist nicht erreichbar: %2 (läuft gatehouse-gateway noch?)</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: %3</source>
        <translation>%1 antwortete mit HTTP %2: %3</translation>
    </message>
    <message>
        <source>the answer of %1 is not JSON</source>
        <translation>die Antwort von %1 ist kein JSON</translation>
    </message>
    <message>
        <source>Show or set where gateway replicas share suspensions, quotas and budgets.</source>
        <translation>Anzeigen oder festlegen, worüber Gateway-Replikate Sperren, Kontingente und Budgets teilen.</translation>
    </message>
    <message>
        <source>Where the state is kept.</source>
        <translation>Wo der Zustand gehalten wird.</translation>
    </message>
    <message>
        <source>The Redis to share it through.</source>
        <translation>Das Redis, über das er geteilt wird.</translation>
    </message>
    <message>
        <source>What every key starts with (default gatehouse:).</source>
        <translation>Womit jeder Schlüssel beginnt (Standard gatehouse:).</translation>
    </message>
    <message>
        <source>What replicas do while Redis cannot be reached.</source>
        <translation>Was Replikate tun, solange Redis nicht erreichbar ist.</translation>
    </message>
    <message>
        <source>How long a request waits for Redis.</source>
        <translation>Wie lange eine Anfrage auf Redis wartet.</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input.</source>
        <translation>Das Passwort aus der ersten Zeile der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>Remove the stored password.</source>
        <translation>Das gespeicherte Passwort entfernen.</translation>
    </message>
    <message>
        <source>--command-timeout must be a number of milliseconds (got &quot;%1&quot;)</source>
        <translation>--command-timeout muss eine Anzahl Millisekunden sein (angegeben: „%1“)</translation>
    </message>
    <message>
        <source>--password-stdin and --clear-password exclude each other</source>
        <translation>--password-stdin und --clear-password schließen einander aus</translation>
    </message>
    <message>
        <source>cannot store the password in %1: %2</source>
        <translation>das Passwort kann nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>cannot remove the password from %1: %2</source>
        <translation>das Passwort kann nicht aus %1 entfernt werden: %2</translation>
    </message>
    <message>
        <source>Shared state: local (each gateway keeps its own)</source>
        <translation>Geteilter Zustand: lokal (jedes Gateway behält seinen eigenen)</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>With the local backend (the default) each gateway keeps what it learns at run time to itself. With redis, every replica serving the workspace shares suspended models, plan quotas and dollar budgets through the Redis (or Valkey) at --url: redis://host:port/db or unix:///path?db=N. --failure-mode open (the default) keeps serving while Redis is away, each replica counting alone at its share of each limit; closed answers 503 to requests with a quota until it is back. --command-timeout is how long a request waits for Redis (default 50 ms). --strict-rotation on makes balanced operations take their turn from one counter in Redis (one command per request), so a weighted rotation is exact across replicas; off (the default), each replica rotates on its own. --password-stdin stores the password, read from the first line of standard input, in the secret store (never in the workspace). Gateways read the setting when they start; gatehouse-gateway --redis URL overrides it.</source>
        <translation>Mit dem Backend local (Standard) behält jedes Gateway für sich, was es zur Laufzeit lernt. Mit redis teilen alle Replikate, die den Arbeitsbereich bedienen, gesperrte Modelle, Tarifkontingente und Dollar-Budgets über das Redis (oder Valkey) unter --url: redis://host:port/db oder unix:///pfad?db=N. --failure-mode open (Standard) bedient weiter, solange Redis fehlt, und jedes Replikat zählt allein mit seinem Anteil an jeder Grenze; closed beantwortet Anfragen mit Kontingent mit 503, bis es zurück ist. --command-timeout ist, wie lange eine Anfrage auf Redis wartet (Standard 50 ms). Mit --strict-rotation on nehmen ausgeglichene Operationen ihren Zug von einem Zähler in Redis (ein Befehl pro Anfrage), sodass eine gewichtete Rotation über Replikate hinweg exakt ist; mit off (Standard) rotiert jedes Replikat für sich. --password-stdin legt das Passwort, gelesen aus der ersten Zeile der Standardeingabe, im Geheimnisspeicher ab (nie im Arbeitsbereich). Gateways lesen die Einstellung beim Start; gatehouse-gateway --redis URL setzt sie außer Kraft.</translation>
    </message>
    <message>
        <source>Share the weighted rotation across replicas (one command per request).</source>
        <translation>Die gewichtete Rotation über Replikate teilen (ein Befehl pro Anfrage).</translation>
    </message>
    <message>
        <source>--strict-rotation must be on or off (got &quot;%1&quot;)</source>
        <translation>--strict-rotation muss on oder off sein (angegeben: „%1“)</translation>
    </message>
    <message>
        <source>Shared state: redis at %1, failure mode %2, command timeout %3 ms, key prefix %4, password %5, rotation %6</source>
        <extracomment>%1 the Redis URL, %2 &quot;open&quot; or &quot;closed&quot;, %3 milliseconds, %4 the key prefix, %5 stored or none, %6 shared or per replica.</extracomment>
        <translation>Geteilter Zustand: Redis unter %1, Ausfallmodus %2, Befehls-Timeout %3 ms, Schlüsselpräfix %4, Passwort %5, Rotation %6</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>geteilt</translation>
    </message>
    <message>
        <source>per replica</source>
        <translation>je Replikat</translation>
    </message>
</context>
<context>
    <name>GuardrailBench</name>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
</context>
<context>
    <name>GuardrailCommands</name>
    <message>
        <source>cannot run</source>
        <translation>nicht ausführbar</translation>
    </message>
    <message>
        <source>masked</source>
        <translation>maskiert</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>INTERVENED</source>
        <translation>EINGEGRIFFEN</translation>
    </message>
    <message>
        <source>FAILED (900967)</source>
        <translation>FEHLER (900967)</translation>
    </message>
    <message>
        <source>Run the guardrails attached to a flow over a prompt or an answer, without deploying.</source>
        <translation>Die Guardrails eines Flusses auf einen Prompt oder eine Antwort anwenden, ohne Deployment.</translation>
    </message>
    <message>
        <source>Runs every guardrail attached to the flow (the API level first, then the operation, as the gateway does) over the body, with the workspace&apos;s saved parameters, and prints each verdict with its reason and what PII masking would send on. Unlike the gateway it does not stop at the first intervention. Exits 0 when all pass and 3 when one intervenes or fails.</source>
        <translation>Wendet jede Guardrail des Flusses (zuerst die API-Ebene, dann die Operation, wie das Gateway) mit den gespeicherten Parametern des Arbeitsbereichs auf den Body an und gibt jedes Urteil mit Begründung aus, dazu, was die PII-Maskierung weitergeben würde. Anders als das Gateway hört es nicht beim ersten Eingriff auf. Endet mit 0, wenn alle bestehen, und mit 3, wenn eine eingreift oder fehlschlägt.</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Beispiel:</translation>
    </message>
    <message>
        <source>The operation, such as &quot;POST /chat/completions&quot;.</source>
        <translation>Die Operation, etwa &quot;POST /chat/completions&quot;.</translation>
    </message>
    <message>
        <source>request: the body is a prompt; response: the body is an answer.</source>
        <translation>request: der Body ist ein Prompt; response: der Body ist eine Antwort.</translation>
    </message>
    <message>
        <source>The body to judge, or @ and a file to read it from.</source>
        <translation>Der zu prüfende Body, oder @ und eine Datei, aus der er gelesen wird.</translation>
    </message>
    <message>
        <source>--flow must be request or response (got &quot;%1&quot;)</source>
        <translation>--flow muss request oder response sein (war &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>No guardrails are attached to the %1 flow of %2.</source>
        <translation>Am %1-Fluss von %2 hängen keine Guardrails.</translation>
    </message>
    <message>
        <source>%1 (%2, %3): %4</source>
        <extracomment>%1 the guardrail&apos;s name, %2 its policy (RegexGuardrail), %3 where it is attached, %4 the verdict.</extracomment>
        <translation>%1 (%2, %3): %4</translation>
    </message>
    <message>
        <source>sends on: %1</source>
        <translation>gibt weiter: %1</translation>
    </message>
    <message>
        <source>%1 would answer the %2 (%3)</source>
        <translation>%1 würde die Anfrage beantworten: %2 (%3)</translation>
    </message>
    <message>
        <source>Show or set the Azure AI Content Safety resource the Azure guardrail asks.</source>
        <translation>Die Azure-AI-Content-Safety-Ressource anzeigen oder setzen, die die Azure-Guardrail fragt.</translation>
    </message>
    <message>
        <source>AzureContentSafetyContentModeration sends the text to this workspace&apos;s Azure AI Content Safety resource, as WSO2 takes it from its server configuration. --endpoint sets the resource&apos;s URL (https://NAME.cognitiveservices.azure.com); --key-stdin stores its key, read from the first line of standard input, in the secret store (never in the workspace); --clear removes both. Without options it shows the endpoint and whether a key is stored. Deploy again for the gateway to use a change.</source>
        <translation>AzureContentSafetyContentModeration schickt den Text an die Azure-AI-Content-Safety-Ressource dieses Arbeitsbereichs, so wie WSO2 sie aus seiner Serverkonfiguration nimmt. --endpoint setzt die URL der Ressource (https://NAME.cognitiveservices.azure.com); --key-stdin legt ihren Schlüssel, gelesen aus der ersten Zeile der Standardeingabe, im Geheimnisspeicher ab (nie im Arbeitsbereich); --clear entfernt beides. Ohne Optionen zeigt es den Endpunkt und ob ein Schlüssel gespeichert ist. Erneut deployen, damit das Gateway eine Änderung nutzt.</translation>
    </message>
    <message>
        <source>The resource&apos;s endpoint URL.</source>
        <translation>Die Endpunkt-URL der Ressource.</translation>
    </message>
    <message>
        <source>Read the key from the first line of standard input.</source>
        <translation>Den Schlüssel aus der ersten Zeile der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>Forget the endpoint and the key.</source>
        <translation>Endpunkt und Schlüssel vergessen.</translation>
    </message>
    <message>
        <source>cannot remove the key from %1: %2</source>
        <translation>der Schlüssel kann nicht aus %1 entfernt werden: %2</translation>
    </message>
    <message>
        <source>--endpoint must be an http:// or https:// URL (got &quot;%1&quot;)</source>
        <translation>--endpoint muss eine http://- oder https://-URL sein (war &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>cannot store the key in %1: %2</source>
        <translation>der Schlüssel kann nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Azure AI Content Safety: no endpoint set</source>
        <translation>Azure AI Content Safety: kein Endpunkt gesetzt</translation>
    </message>
    <message>
        <source>Azure AI Content Safety: %1, key %2</source>
        <translation>Azure AI Content Safety: %1, Schlüssel %2</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
</context>
<context>
    <name>GuardrailNotice</name>
    <message>
        <source>Answer blocked by %1: %2</source>
        <translation>Antwort blockiert durch %1: %2</translation>
    </message>
    <message>
        <source>Blocked by %1: %2</source>
        <translation>Blockiert durch %1: %2</translation>
    </message>
</context>
<context>
    <name>HelpFormatter</name>
    <message>
        <source>Usage: gatehouse-ctl [--workspace DIR] [--secrets-file FILE] [--json] &lt;command&gt; [options]</source>
        <extracomment>Keep the option names and their placeholders DIR and FILE; &lt;command&gt; and [options] may be translated.</extracomment>
        <translation>Aufruf: gatehouse-ctl [--workspace DIR] [--secrets-file FILE] [--json] &lt;Befehl&gt; [Optionen]</translation>
    </message>
    <message>
        <source>Every Publisher and Developer Portal action of Gatehouse from the shell: create AI APIs, attach policies, deploy, create applications, subscribe, generate keys and get tokens. Data goes to standard output; warnings and errors go to standard error, each error as one line &quot;gatehouse-ctl: &lt;reason&gt;&quot; with exit code 1 (2 when the command line itself is wrong).</source>
        <translation>Alle Aktionen des Publishers und des Entwicklerportals von Gatehouse in der Shell: KI-APIs erstellen, Richtlinien anhängen, bereitstellen, Anwendungen erstellen, abonnieren, Schlüssel erzeugen und Token abrufen. Daten gehen auf die Standardausgabe, Warnungen und Fehler auf die Standardfehlerausgabe, jeder Fehler als eine Zeile &quot;gatehouse-ctl: &lt;Grund&gt;&quot; mit Exit-Code 1 (2, wenn die Befehlszeile selbst fehlerhaft ist).</translation>
    </message>
    <message>
        <source>Global options (before or after the command):</source>
        <translation>Globale Optionen (vor oder nach dem Befehl):</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Run &quot;gatehouse-ctl &lt;command&gt; --help&quot; for the options of one command.</source>
        <translation>Die Optionen eines Befehls zeigt &quot;gatehouse-ctl &lt;Befehl&gt; --help&quot;.</translation>
    </message>
    <message>
        <source>Usage: gatehouse-ctl [global options] %1 &lt;subcommand&gt; [options]</source>
        <extracomment>%1 is a command group such as &quot;api&quot;.</extracomment>
        <translation>Aufruf: gatehouse-ctl [globale Optionen] %1 &lt;Unterbefehl&gt; [Optionen]</translation>
    </message>
    <message>
        <source>Subcommands:</source>
        <translation>Unterbefehle:</translation>
    </message>
    <message>
        <source>Run &quot;gatehouse-ctl %1 &lt;subcommand&gt; --help&quot; for the options of one.</source>
        <extracomment>%1 is a command group such as &quot;api&quot;; &quot;one&quot; is one of its subcommands.</extracomment>
        <translation>Die Optionen eines Unterbefehls zeigt &quot;gatehouse-ctl %1 &lt;Unterbefehl&gt; --help&quot;.</translation>
    </message>
    <message>
        <source>Usage: gatehouse-ctl [global options] %1</source>
        <extracomment>%1 is the command and its options, such as &quot;api show --api NAME|ID&quot;.</extracomment>
        <translation>Aufruf: gatehouse-ctl [globale Optionen] %1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>Globale Optionen:</translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>no answer within %1 s</source>
        <extracomment>%1 is a number of seconds.</extracomment>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>no HTTP answer</source>
        <translation>keine HTTP-Antwort</translation>
    </message>
</context>
<context>
    <name>InteropCommands</name>
    <message>
        <source>Export an API as a WSO2 API Manager project (folder or zip).</source>
        <translation>Eine API als WSO2-API-Manager-Projekt exportieren (Ordner oder ZIP).</translation>
    </message>
    <message>
        <source>Writes the API as an apictl API project that WSO2 API Manager 4.5 imports: api.yaml, api_meta.yaml, deployment_environments.yaml, Definitions/swagger.yaml and, for named endpoints, endpoints.yaml. --out names a new or empty folder, or a file ending in .zip. No secret is written: endpoint security goes without its key. Settings WSO2 has no place for are left out, each named in a warning.</source>
        <translation>Schreibt die API als apictl-API-Projekt, das WSO2 API Manager 4.5 importiert: api.yaml, api_meta.yaml, deployment_environments.yaml, Definitions/swagger.yaml und, für benannte Endpunkte, endpoints.yaml. --out nennt einen neuen oder leeren Ordner oder eine Datei mit der Endung .zip. Es wird kein Geheimnis geschrieben: Die Endpunkt-Sicherheit wird ohne ihren Schlüssel exportiert. Einstellungen, für die WSO2 keinen Platz hat, werden weggelassen und jeweils in einer Warnung genannt.</translation>
    </message>
    <message>
        <source>The project format: wso2.</source>
        <translation>Das Projektformat: wso2.</translation>
    </message>
    <message>
        <source>Where to write: a new or empty folder, or a .zip file.</source>
        <translation>Das Ziel: ein neuer oder leerer Ordner oder eine .zip-Datei.</translation>
    </message>
    <message>
        <source>Import a WSO2 API Manager project (folder or zip) as a new API.</source>
        <translation>Ein WSO2-API-Manager-Projekt (Ordner oder ZIP) als neue API importieren.</translation>
    </message>
    <message>
        <source>Reads an apictl API project, exported by Gatehouse or by WSO2 API Manager, and saves it as a new API: its AI provider, endpoints, operations and policies at API and operation level. What has no Gatehouse counterpart is left out and named on standard error, one line each. Refuses an API whose name and version already exist. Endpoint keys are not part of a project: set them afterwards with endpoint set-key. Prints the new API&apos;s id.</source>
        <translation>Liest ein apictl-API-Projekt, das von Gatehouse oder von WSO2 API Manager exportiert wurde, und speichert es als neue API: ihren KI-Anbieter, ihre Endpunkte, Operationen und Richtlinien auf API- und Operationsebene. Was in Gatehouse keine Entsprechung hat, wird weggelassen und auf der Standardfehlerausgabe genannt, jeweils in einer Zeile. Lehnt eine API ab, deren Name und Version bereits existieren. Endpunkt-Schlüssel sind nicht Teil eines Projekts: Setzen Sie sie anschließend mit endpoint set-key. Gibt die ID der neuen API aus.</translation>
    </message>
    <message>
        <source>Exported %1 %2 to %3</source>
        <translation>%1 %2 nach %3 exportiert</translation>
    </message>
    <message>
        <source>import needs the project: a folder or a .zip file</source>
        <translation>import erfordert das Projekt: einen Ordner oder eine .zip-Datei</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; (see gatehouse-ctl %2 --help)</source>
        <translation>unerwartetes Argument „%1“ (siehe gatehouse-ctl %2 --help)</translation>
    </message>
    <message>
        <source>not imported: %1</source>
        <extracomment>%1 is one thing of the imported project Gatehouse could not take over.</extracomment>
        <translation>nicht importiert: %1</translation>
    </message>
</context>
<context>
    <name>InvokeCommand</name>
    <message>
        <source>Call an API through the gateway: once, N times, or as a stream.</source>
        <translation>Eine API über das Gateway aufrufen: einmal, N-mal oder als Stream.</translation>
    </message>
    <message>
        <source>Gets a token for the application (client credentials, as &quot;token&quot; does), then calls the operation of the API&apos;s deployed revision through the gateway: URL/&lt;context&gt;/&lt;version&gt;/&lt;path&gt;. Once, it prints the status line and the answer. With --repeat it runs N requests, at most C at a time (--concurrency) with D ms between the requests of each (--delay-ms), and prints the status counts, the latency percentiles and a bar chart of the models that served the requests next to the weights the operation&apos;s model router is configured with. With --stream (or &quot;stream&quot;: true in the body) the answer is read as Server-Sent Events and its text printed as it arrives, then the time to first token, the chunks and tokens/s. A token rejected as invalid (900901) is fetched again once. --json prints the run as {&quot;byModel&quot;, &quot;statusCounts&quot;, &quot;latencyMs&quot;, &quot;requestsPerSecond&quot;, &quot;results&quot;}, a stream as {&quot;ttftMs&quot;, &quot;chunks&quot;, &quot;tokensPerSecond&quot;, &quot;text&quot;, &quot;model&quot;}. Exits 1 when a single request fails; a run that completes exits 0 and reports its errors. Each request gives up after 120 s without data.</source>
        <extracomment>Keep the option names, the placeholders N, C, D, URL and the JSON keys.</extracomment>
        <translation>Holt ein Token für die Anwendung (Client Credentials, wie &quot;token&quot;), ruft dann die Operation der bereitgestellten Revision der API über das Gateway auf: URL/&lt;context&gt;/&lt;version&gt;/&lt;path&gt;. Bei einem einzelnen Aufruf gibt der Befehl die Statuszeile und die Antwort aus. Mit --repeat sendet er N Anfragen, höchstens C gleichzeitig (--concurrency), mit D ms zwischen den Anfragen jedes Workers (--delay-ms), und gibt die Statuszahlen, die Latenz-Perzentile und ein Balkendiagramm der Modelle aus, die die Anfragen bedient haben, neben den Gewichten, mit denen der Modell-Router der Operation konfiguriert ist. Mit --stream (oder &quot;stream&quot;: true im Body) wird die Antwort als Server-Sent Events gelesen und ihr Text ausgegeben, sobald er eintrifft, danach die Zeit bis zum ersten Token, die Chunks und Token/s. Ein als ungültig abgewiesenes Token (900901) wird einmal neu geholt. --json gibt den Lauf als {&quot;byModel&quot;, &quot;statusCounts&quot;, &quot;latencyMs&quot;, &quot;requestsPerSecond&quot;, &quot;results&quot;} aus, einen Stream als {&quot;ttftMs&quot;, &quot;chunks&quot;, &quot;tokensPerSecond&quot;, &quot;text&quot;, &quot;model&quot;}. Endet mit Exit-Code 1, wenn eine einzelne Anfrage fehlschlägt; ein vollständiger Lauf endet mit 0 und meldet seine Fehler. Jede Anfrage wird nach 120 s ohne Daten abgebrochen.</translation>
    </message>
    <message>
        <source>The operation, such as &quot;POST /chat/completions&quot;.</source>
        <translation>Die Operation, etwa &quot;POST /chat/completions&quot;.</translation>
    </message>
    <message>
        <source>The request body, or @ and a file to read it from.</source>
        <translation>Der Body der Anfrage oder @ und eine Datei, aus der er gelesen wird.</translation>
    </message>
    <message>
        <source>Send the request N times and report the run.</source>
        <translation>Die Anfrage N-mal senden und über den Lauf berichten.</translation>
    </message>
    <message>
        <source>At most C requests in flight (default 1).</source>
        <translation>Höchstens C gleichzeitig laufende Anfragen (Standard 1).</translation>
    </message>
    <message>
        <source>Pause D ms before each next request of a worker (default 0).</source>
        <translation>Vor jeder weiteren Anfrage eines Workers D ms warten (Standard 0).</translation>
    </message>
    <message>
        <source>Ask for a stream (&quot;stream&quot;: true) and read it as it arrives.</source>
        <translation>Einen Stream anfordern (&quot;stream&quot;: true) und ihn lesen, während er eintrifft.</translation>
    </message>
    <message>
        <source>unexpected input</source>
        <extracomment>Why a JSON text does not parse, when the parser gives no reason.</extracomment>
        <translation>unerwartete Eingabe</translation>
    </message>
    <message>
        <source>--body is not valid JSON (line %1, column %2): %3</source>
        <translation>--body ist kein gültiges JSON (Zeile %1, Spalte %2): %3</translation>
    </message>
    <message>
        <source>--body is not valid JSON: %1</source>
        <translation>--body ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>--operation must be a verb and a path such as &quot;POST /chat/completions&quot; (got &quot;%1&quot;)</source>
        <translation>--operation muss ein Verb und ein Pfad sein, etwa &quot;POST /chat/completions&quot; (angegeben: „%1“)</translation>
    </message>
    <message>
        <source>--stream needs a JSON object body to set &quot;stream&quot;: true in</source>
        <translation>--stream erfordert ein JSON-Objekt als Body, um darin &quot;stream&quot;: true zu setzen</translation>
    </message>
    <message>
        <source>%1 has no %2 keys; generate them with gatehouse-ctl keys generate --app %1 --type %2</source>
        <extracomment>%2 is the key type: production or sandbox.</extracomment>
        <translation>%1 hat keine %2-Schlüssel; erzeugen Sie sie mit gatehouse-ctl keys generate --app %1 --type %2</translation>
    </message>
    <message>
        <source>%1 is not subscribed to %2: expect 403 900908 (gatehouse-ctl subscribe)</source>
        <translation>%1 hat %2 nicht abonniert: Rechnen Sie mit 403 900908 (gatehouse-ctl subscribe)</translation>
    </message>
    <message>
        <source>no request completed</source>
        <translation>keine Anfrage wurde abgeschlossen</translation>
    </message>
    <message>
        <source>-- %1 · first token %2 ms · %3 chunks · %4 tokens/s · %5 ms</source>
        <extracomment>The summary after a stream: %1 the model, %2 the time to the first token, %3 the number of chunks, %4 tokens per second, %5 the whole time.</extracomment>
        <translation>-- %1 · erstes Token %2 ms · %3 Chunks · %4 Token/s · %5 ms</translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation>unbekanntes Modell</translation>
    </message>
    <message>
        <source>HTTP %1 · %2 ms</source>
        <extracomment>%1 is the HTTP status code, %2 the latency in milliseconds.</extracomment>
        <translation>HTTP %1 · %2 ms</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <extracomment>%1 is the number of tokens the answer reports (prompt and completion).</extracomment>
        <translation>%1 Token</translation>
    </message>
</context>
<context>
    <name>InvokeTarget</name>
    <message>
        <source>%1 is not deployed, so the gateway does not serve it</source>
        <translation>%1 ist nicht bereitgestellt, daher liefert das Gateway die API nicht aus</translation>
    </message>
    <message>
        <source>%1 (revision %2) has no operation &quot;%3 %4&quot;; it has: %5</source>
        <extracomment>%1 is an API, %3 %4 an operation&apos;s verb and path, %5 the API&apos;s operations.</extracomment>
        <translation>%1 (Revision %2) hat keine Operation „%3 %4“; vorhanden sind: %5</translation>
    </message>
</context>
<context>
    <name>Json</name>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine Ganzzahl</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>an unknown value</source>
        <translation>ein unbekannter Wert</translation>
    </message>
</context>
<context>
    <name>JsonFieldReader</name>
    <message>
        <source>expected %1, found %2</source>
        <translation>erwartet: %1, gefunden: %2</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>is too large</source>
        <translation>ist zu groß</translation>
    </message>
    <message>
        <source>must be at least %1 (got %2)</source>
        <translation>muss mindestens %1 sein (angegeben: %2)</translation>
    </message>
    <message>
        <source>must be at most %1 (got %2)</source>
        <translation>darf höchstens %1 sein (angegeben: %2)</translation>
    </message>
    <message>
        <source>is not an ISO 8601 date and time: &quot;%1&quot;</source>
        <translation>ist keine Datums- und Zeitangabe nach ISO 8601: „%1“</translation>
    </message>
</context>
<context>
    <name>JsonFile</name>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: Der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>KeyCommands</name>
    <message>
        <source>Generate (or regenerate) an application&apos;s consumer key and secret.</source>
        <translation>Consumer-Schlüssel und -Geheimnis einer Anwendung erzeugen (oder neu erzeugen).</translation>
    </message>
    <message>
        <source>Generates the consumer key and secret of one key type and prints both. The key is kept in the workspace, the secret only in the secret store. Regenerating replaces the pair and revokes the tokens issued with the old one. With --json: {&quot;consumerKey&quot;, &quot;consumerSecret&quot;, &quot;keyType&quot;}.</source>
        <translation>Erzeugt Consumer-Schlüssel und -Geheimnis eines Schlüsseltyps und gibt beide aus. Der Schlüssel wird im Arbeitsbereich abgelegt, das Geheimnis nur im Geheimnisspeicher. Erneutes Erzeugen ersetzt das Paar und widerruft die mit dem alten Paar ausgestellten Token. Mit --json: {&quot;consumerKey&quot;, &quot;consumerSecret&quot;, &quot;keyType&quot;}.</translation>
    </message>
    <message>
        <source>Show an application&apos;s consumer key (and, on request, its secret).</source>
        <translation>Den Consumer-Schlüssel einer Anwendung (und auf Wunsch das Geheimnis) anzeigen.</translation>
    </message>
    <message>
        <source>Shows the consumer key of one key type; the secret is masked unless --show-secret is given (it is then read from the secret store).</source>
        <translation>Zeigt den Consumer-Schlüssel eines Schlüsseltyps; das Geheimnis wird maskiert, sofern nicht --show-secret angegeben ist (es wird dann aus dem Geheimnisspeicher gelesen).</translation>
    </message>
    <message>
        <source>Reveal the consumer secret.</source>
        <translation>Das Consumer-Geheimnis anzeigen.</translation>
    </message>
    <message>
        <source>the previous %1 keys of %2 were replaced; tokens issued with them are revoked</source>
        <extracomment>%1 is the key type (production or sandbox), %2 the application.</extracomment>
        <translation>die bisherigen %1-Schlüssel von %2 wurden ersetzt; damit ausgestellte Token sind widerrufen</translation>
    </message>
    <message>
        <source>Consumer key:</source>
        <translation>Consumer-Schlüssel:</translation>
    </message>
    <message>
        <source>Consumer secret:</source>
        <translation>Consumer-Geheimnis:</translation>
    </message>
    <message>
        <source>Key type:</source>
        <translation>Schlüsseltyp:</translation>
    </message>
    <message>
        <source>The consumer secret is stored in %1 only; show it again with gatehouse-ctl keys show --app %2 --type %3 --show-secret</source>
        <translation>Das Consumer-Geheimnis ist nur in %1 gespeichert; zeigen Sie es erneut an mit gatehouse-ctl keys show --app %2 --type %3 --show-secret</translation>
    </message>
    <message>
        <source>%1 has no %2 keys; generate them with gatehouse-ctl keys generate --app %1 --type %2</source>
        <extracomment>%2 is the key type: production or sandbox.</extracomment>
        <translation>%1 hat keine %2-Schlüssel; erzeugen Sie sie mit gatehouse-ctl keys generate --app %1 --type %2</translation>
    </message>
    <message>
        <source>%1 (hidden; add --show-secret to reveal it)</source>
        <extracomment>%1 is the masked secret, &quot;********&quot;.</extracomment>
        <translation>%1 (verborgen; mit --show-secret anzeigen)</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
</context>
<context>
    <name>KeyPair</name>
    <message>
        <source>must be PRODUCTION or SANDBOX (got &quot;%1&quot;)</source>
        <translation>muss PRODUCTION oder SANDBOX sein (angegeben: „%1“)</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>the desktop keychain is not available (%1). Start a Secret Service such as gnome-keyring, or pass --secrets-file FILE on a headless machine</source>
        <translation>der Desktop-Schlüsselbund ist nicht verfügbar (%1). Starten Sie einen Secret Service wie gnome-keyring oder geben Sie auf einem Rechner ohne Desktop --secrets-file DATEI an</translation>
    </message>
    <message>
        <source>the desktop keychain refused access: %1</source>
        <translation>der Desktop-Schlüsselbund hat den Zugriff verweigert: %1</translation>
    </message>
    <message>
        <source>the desktop keychain (service &quot;%1&quot;)</source>
        <extracomment>Where secrets are kept, completing sentences such as &quot;API key stored in %1&quot; or &quot;cannot remove the keys from %1&quot;.</extracomment>
        <translation>dem Desktop-Schlüsselbund (Dienst „%1“)</translation>
    </message>
</context>
<context>
    <name>LifecycleState</name>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Außer Betrieb</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>Modes</source>
        <translation>Modi</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Publisher</source>
        <translation>&amp;Publisher</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Developer Portal</source>
        <translation>&amp;Entwicklerportal</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation>&amp;Gateway</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>&amp;Create AI API...</source>
        <translation>KI-API &amp;erstellen...</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Save and &amp;Deploy</source>
        <translation>Speichern und be&amp;reitstellen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>&amp;Reload Workspace</source>
        <translation>Arbeitsbereich &amp;neu laden</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation>Ü&amp;ber Gatehouse</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Import WSO2 API Project...</source>
        <translation>WSO2-API-Projekt &amp;importieren...</translation>
    </message>
    <message>
        <source>Import &amp;OpenAPI Document...</source>
        <translation>&amp;OpenAPI-Dokument importieren...</translation>
    </message>
    <message>
        <source>&amp;Export as WSO2 API Project...</source>
        <translation>Als WSO2-API-Projekt e&amp;xportieren...</translation>
    </message>
    <message>
        <source>New AI &amp;Provider...</source>
        <translation>KI-Anbieter &amp;anlegen...</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Usage</source>
        <translation>&amp;Verbrauch</translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>Ad&amp;ministration</translation>
    </message>
    <message>
        <source>Ctrl+5</source>
        <translation>Ctrl+5</translation>
    </message>
    <message>
        <source>&amp;Business Plans...</source>
        <translation>&amp;Tarife …</translation>
    </message>
    <message>
        <source>Model &amp;Prices...</source>
        <translation>Modell&amp;preise …</translation>
    </message>
</context>
<context>
    <name>MemorySecretStore</name>
    <message>
        <source>memory (secrets are forgotten when the program exits)</source>
        <extracomment>Where secrets are kept, completing sentences such as &quot;API key stored in %1&quot; or &quot;cannot remove the keys from %1&quot;.</extracomment>
        <translation>dem Arbeitsspeicher (Geheimnisse gehen verloren, wenn das Programm beendet wird)</translation>
    </message>
</context>
<context>
    <name>ModelPrice</name>
    <message>
        <source>must not be negative (got %1)</source>
        <extracomment>A price in a price file is below zero; %1 is the number as written.</extracomment>
        <translation>darf nicht negativ sein (angegeben: %1)</translation>
    </message>
    <message>
        <source>expected a date as YYYY-MM-DD (got &quot;%1&quot;)</source>
        <extracomment>YYYY-MM-DD is the date format expected: keep it as it is.</extracomment>
        <translation>erwartet: ein Datum im Format YYYY-MM-DD (angegeben: „%1“)</translation>
    </message>
</context>
<context>
    <name>ModelRouterConfig</name>
    <message>
        <source>failover needs the target model whose failures it handles</source>
        <translation>Failover braucht das Zielmodell, dessen Ausfälle es abfangen soll</translation>
    </message>
    <message>
        <source>no fallback models: failover has nothing to fall back to</source>
        <translation>keine Ausweichmodelle: Failover hat nichts, worauf es ausweichen kann</translation>
    </message>
    <message>
        <source>failover needs a target model in production or sandbox</source>
        <translation>Failover braucht ein Zielmodell in production oder sandbox</translation>
    </message>
    <message>
        <source>model &quot;%1&quot; on endpoint &quot;%2&quot; is listed twice; its shares add up</source>
        <translation>Modell „%1“ auf Endpunkt „%2“ ist doppelt aufgeführt; seine Anteile addieren sich</translation>
    </message>
    <message>
        <source>the weights must not all be 0: no model would get traffic</source>
        <translation>die Gewichte dürfen nicht alle 0 sein: Kein Modell würde Datenverkehr erhalten</translation>
    </message>
    <message>
        <source>needs at least one model (in production or sandbox)</source>
        <translation>braucht mindestens ein Modell (in production oder sandbox)</translation>
    </message>
</context>
<context>
    <name>OpenApiDocument</name>
    <message>
        <source>&quot;%1&quot; leads back to itself through other $refs</source>
        <translation>„%1“ führt über andere $refs auf sich selbst zurück</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not resolve: the document has no %2</source>
        <translation>„%1“ lässt sich nicht auflösen: Das Dokument enthält kein %2</translation>
    </message>
    <message>
        <source>%1: the document is empty</source>
        <translation>%1: Das Dokument ist leer</translation>
    </message>
    <message>
        <source>an OpenAPI document must be a mapping of fields such as &quot;openapi&quot; and &quot;paths&quot;, not %1</source>
        <translation>ein OpenAPI-Dokument muss eine Zuordnung von Feldern wie „openapi“ und „paths“ sein, nicht %1</translation>
    </message>
    <message>
        <source>Swagger (OpenAPI 2.0) documents are not supported: convert it to OpenAPI 3.0 or 3.1 first</source>
        <translation>Swagger-Dokumente (OpenAPI 2.0) werden nicht unterstützt: Konvertieren Sie das Dokument zuerst in OpenAPI 3.0 oder 3.1</translation>
    </message>
    <message>
        <source>openapi: is required; an OpenAPI 3 document starts with a line such as openapi: 3.0.3</source>
        <translation>openapi: ist erforderlich; ein OpenAPI-3-Dokument beginnt mit einer Zeile wie openapi: 3.0.3</translation>
    </message>
    <message>
        <source>must be a string such as &quot;3.0.3&quot;, not %1 (quote it in YAML)</source>
        <translation>muss eine Zeichenkette wie &quot;3.0.3&quot; sein, nicht %1 (setzen Sie den Wert in YAML in Anführungszeichen)</translation>
    </message>
    <message>
        <source>version &quot;%1&quot; is not supported: Gatehouse reads OpenAPI 3.0.x and 3.1.x</source>
        <translation>Version „%1“ wird nicht unterstützt: Gatehouse liest OpenAPI 3.0.x und 3.1.x</translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation>muss ein Objekt sein, nicht %1</translation>
    </message>
    <message>
        <source>must be a string, not %1</source>
        <translation>muss eine Zeichenkette sein, nicht %1</translation>
    </message>
    <message>
        <source>must be a list of servers, not %1</source>
        <translation>muss eine Liste von Servern sein, nicht %1</translation>
    </message>
    <message>
        <source>a server must be an object with a url, not %1</source>
        <translation>ein Server muss ein Objekt mit dem Feld url sein, nicht %1</translation>
    </message>
    <message>
        <source>url: is required</source>
        <translation>url: ist erforderlich</translation>
    </message>
    <message>
        <source>variable {%1} has no default in servers[0].variables</source>
        <translation>die Variable {%1} hat keinen Standardwert in servers[0].variables</translation>
    </message>
    <message>
        <source>paths: is required in OpenAPI 3.0</source>
        <translation>paths: ist in OpenAPI 3.0 erforderlich</translation>
    </message>
    <message>
        <source>must be an object that maps each path to its operations, not %1</source>
        <translation>muss ein Objekt sein, das jeden Pfad auf seine Operationen abbildet, nicht %1</translation>
    </message>
    <message>
        <source>a path must start with &apos;/&apos;</source>
        <translation>ein Pfad muss mit &apos;/&apos; beginnen</translation>
    </message>
    <message>
        <source>&apos;{&apos; and &apos;}&apos; must enclose a parameter name, as in /models/{model}</source>
        <translation>&apos;{&apos; und &apos;}&apos; müssen einen Parameternamen umschließen, wie in /models/{model}</translation>
    </message>
    <message>
        <source>a path item in another document cannot be read; copy it into this one</source>
        <translation>ein Pfadeintrag in einem anderen Dokument kann nicht gelesen werden; kopieren Sie ihn in dieses Dokument</translation>
    </message>
    <message>
        <source>a path item must be an object that maps methods to operations, not %1</source>
        <translation>ein Pfadeintrag muss ein Objekt sein, das Methoden auf Operationen abbildet, nicht %1</translation>
    </message>
    <message>
        <source>an operation must be an object; this one is empty</source>
        <translation>eine Operation muss ein Objekt sein; diese ist leer</translation>
    </message>
    <message>
        <source>an operation must be an object, not %1</source>
        <translation>eine Operation muss ein Objekt sein, nicht %1</translation>
    </message>
</context>
<context>
    <name>OpenApiImporter</name>
    <message>
        <source>unknown provider &quot;%1&quot; (providers: %2)</source>
        <translation>unbekannter Anbieter „%1“ (Anbieter: %2)</translation>
    </message>
    <message>
        <source>%1: the document has no info.title; give the API a name</source>
        <translation>%1: Das Dokument hat kein info.title; geben Sie der API einen Namen</translation>
    </message>
    <message>
        <source>%1: the document has no info.version; give the API a version</source>
        <translation>%1: Das Dokument hat kein info.version; geben Sie der API eine Version</translation>
    </message>
    <message>
        <source>%1: the document names no server (servers[0].url); give the production URL</source>
        <translation>%1: Das Dokument nennt keinen Server (servers[0].url); geben Sie die Produktions-URL an</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an absolute http(s) URL; give the production URL</source>
        <translation>„%1“ ist keine absolute http(s)-URL; geben Sie die Produktions-URL an</translation>
    </message>
    <message>
        <source>%1: the document defines no operations under paths</source>
        <translation>%1: Das Dokument definiert unter paths keine Operationen</translation>
    </message>
</context>
<context>
    <name>OpenApiSampleBuilder</name>
    <message>
        <source>a media type must be an object, not %1</source>
        <translation>ein Medientyp muss ein Objekt sein, nicht %1</translation>
    </message>
</context>
<context>
    <name>PlanCommands</name>
    <message>
        <source>Add a business plan with request, token and dollar limits.</source>
        <translation>Einen Tarif mit Grenzen für Anfragen, Token und Dollar hinzufügen.</translation>
    </message>
    <message>
        <source>Adds a business plan that subscriptions can use. Each limit is an amount per period: min, hour, day or month (fixed UTC windows), such as --requests 10/min, --total-tokens 400/min or --usd 5/day; every limit option may be given several times. Tokens and dollars are charged when an answer is done, streams included: a request that would cross a limit still finishes, and the next one is refused with 429 until the window resets. Answers of free models cost nothing.</source>
        <translation>Fügt einen Tarif hinzu, den Abonnements verwenden können. Jede Grenze ist eine Menge pro Zeitraum: min, hour, day oder month (feste UTC-Zeitfenster), etwa --requests 10/min, --total-tokens 400/min oder --usd 5/day; jede Grenzoption darf mehrfach angegeben werden. Token und Dollar werden berechnet, wenn eine Antwort fertig ist, Streams eingeschlossen: Eine Anfrage, die eine Grenze überschreitet, wird noch zu Ende geführt, und die nächste wird mit 429 abgewiesen, bis das Zeitfenster neu beginnt. Antworten kostenloser Modelle kosten nichts.</translation>
    </message>
    <message>
        <source>The plan&apos;s name, unique.</source>
        <translation>Der Name des Tarifs, eindeutig.</translation>
    </message>
    <message>
        <source>What the plan allows.</source>
        <translation>Was der Tarif erlaubt.</translation>
    </message>
    <message>
        <source>A limit; may be repeated.</source>
        <translation>Eine Grenze; darf wiederholt werden.</translation>
    </message>
    <message>
        <source>List the business plans and their limits.</source>
        <translation>Die Tarife und ihre Grenzen auflisten.</translation>
    </message>
    <message>
        <source>Lists every business plan with its limits and how many subscriptions use it.</source>
        <translation>Listet jeden Tarif mit seinen Grenzen auf und wie viele Abonnements ihn verwenden.</translation>
    </message>
    <message>
        <source>Show a business plan.</source>
        <translation>Einen Tarif anzeigen.</translation>
    </message>
    <message>
        <source>Shows a business plan&apos;s limits and the subscriptions that use it.</source>
        <translation>Zeigt die Grenzen eines Tarifs und die Abonnements, die ihn verwenden.</translation>
    </message>
    <message>
        <source>The plan&apos;s name.</source>
        <translation>Der Name des Tarifs.</translation>
    </message>
    <message>
        <source>Delete a business plan no subscription uses.</source>
        <translation>Einen Tarif löschen, den kein Abonnement verwendet.</translation>
    </message>
    <message>
        <source>Deletes a business plan. A plan that a subscription uses is refused: subscribe the application under another plan first.</source>
        <translation>Löscht einen Tarif. Ein Tarif, den ein Abonnement verwendet, wird abgewiesen: Abonnieren Sie die Anwendung zuerst mit einem anderen Tarif.</translation>
    </message>
    <message>
        <source>no business plan &quot;%1&quot; (plans: %2)</source>
        <translation>kein Tarif „%1“ (Tarife: %2)</translation>
    </message>
    <message>
        <source>--name: at most 64 letters, digits, spaces, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <translation>--name: höchstens 64 Buchstaben, Ziffern, Leerzeichen, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos;, beginnend mit einem Buchstaben oder einer Ziffer</translation>
    </message>
    <message>
        <source>a business plan &quot;%1&quot; exists already</source>
        <translation>es gibt bereits einen Tarif „%1“</translation>
    </message>
    <message>
        <source>give at least one limit (--requests, --prompt-tokens, --completion-tokens, --total-tokens or --usd); the Unlimited plan exists already</source>
        <translation>geben Sie mindestens eine Grenze an (--requests, --prompt-tokens, --completion-tokens, --total-tokens oder --usd); den Tarif Unlimited gibt es bereits</translation>
    </message>
    <message>
        <source>NAME</source>
        <extracomment>Column headers of &quot;plan list&quot;, in capitals.</extracomment>
        <translation>NAME</translation>
    </message>
    <message>
        <source>LIMITS</source>
        <translation>GRENZEN</translation>
    </message>
    <message>
        <source>SUBSCRIPTIONS</source>
        <translation>ABONNEMENTS</translation>
    </message>
    <message>
        <source>unlimited</source>
        <extracomment>The LIMITS column of a plan without limits.</extracomment>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>FIELD</source>
        <translation>FELD</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>WERT</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message numerus="yes">
        <source>business plan &quot;%1&quot; is used by %n subscription(s) (%2): subscribe them under another plan first</source>
        <translation>
            <numerusform>Tarif „%1“ wird von %n Abonnement verwendet (%2): abonnieren Sie es zuerst mit einem anderen Tarif</numerusform>
            <numerusform>Tarif „%1“ wird von %n Abonnements verwendet (%2): abonnieren Sie sie zuerst mit einem anderen Tarif</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanLimit</name>
    <message>
        <source>&quot;%1&quot; is not a limit: write an amount per period, such as 10/min, 400/hour or 5/day</source>
        <translation>„%1“ ist keine Grenze: Schreiben Sie eine Menge pro Zeitraum, etwa 10/min, 400/hour oder 5/day</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the amount must be a number above 0</source>
        <translation>„%1“: die Menge muss eine Zahl über 0 sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: requests and tokens are counted in whole numbers</source>
        <translation>„%1“: Anfragen und Token werden in ganzen Zahlen gezählt</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the period must be min, hour, day or month</source>
        <translation>„%1“: der Zeitraum muss min, hour, day oder month sein</translation>
    </message>
    <message>
        <source>%1 requests/%2</source>
        <translation>%1 Anfragen/%2</translation>
    </message>
    <message>
        <source>%1 prompt tokens/%2</source>
        <translation>%1 Prompt-Token/%2</translation>
    </message>
    <message>
        <source>%1 completion tokens/%2</source>
        <translation>%1 Completion-Token/%2</translation>
    </message>
    <message>
        <source>%1 tokens/%2</source>
        <translation>%1 Token/%2</translation>
    </message>
    <message>
        <source>%1 USD/%2</source>
        <translation>%1 USD/%2</translation>
    </message>
    <message>
        <source>must be requests, promptTokens, completionTokens, totalTokens or usd</source>
        <translation>muss requests, promptTokens, completionTokens, totalTokens oder usd sein</translation>
    </message>
    <message>
        <source>must be minute, hour, day or month</source>
        <translation>muss minute, hour, day oder month sein</translation>
    </message>
    <message>
        <source>must be a number above 0</source>
        <translation>muss eine Zahl über 0 sein</translation>
    </message>
    <message>
        <source>per minute</source>
        <translation>pro Minute</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>pro Stunde</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>pro Tag</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>pro Monat</translation>
    </message>
</context>
<context>
    <name>PolicyAttribute</name>
    <message>
        <source>expected a number, found %1</source>
        <translation>erwartet: eine Zahl, gefunden: %1</translation>
    </message>
    <message>
        <source>unknown attribute type &quot;%1&quot;</source>
        <translation>unbekannter Attributtyp „%1“</translation>
    </message>
    <message>
        <source>is required for an array attribute</source>
        <translation>ist für ein Array-Attribut erforderlich</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;</source>
        <translation>unbekanntes Format &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>PolicyCatalogue</name>
    <message>
        <source>Add Header</source>
        <translation>Header hinzufügen</translation>
    </message>
    <message>
        <source>Adds a header to the message passing through the flow (replacing one of the same name).</source>
        <translation>Fügt der Nachricht, die den Ablauf durchläuft, einen Header hinzu (ein gleichnamiger Header wird ersetzt).</translation>
    </message>
    <message>
        <source>Header name</source>
        <translation>Header-Name</translation>
    </message>
    <message>
        <source>must be an HTTP header name (letters, digits and !#$%&amp;&apos;*+-.^_`|~)</source>
        <translation>muss ein HTTP-Header-Name sein (Buchstaben, Ziffern und !#$%&amp;&apos;*+-.^_`|~)</translation>
    </message>
    <message>
        <source>Header value</source>
        <translation>Header-Wert</translation>
    </message>
    <message>
        <source>must not contain line breaks or NUL</source>
        <translation>darf keine Zeilenumbrüche oder NUL enthalten</translation>
    </message>
    <message>
        <source>Model Failover</source>
        <translation>Modell-Failover</translation>
    </message>
    <message>
        <source>When the client asks for the target model and it fails, tries the fallback models in order within the request timeout.</source>
        <translation>Wenn der Client das Zielmodell anfragt und dieses fehlschlägt, werden innerhalb des Anfrage-Timeouts der Reihe nach die Ausweichmodelle versucht.</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>Target and fallbacks for PRODUCTION tokens; leave empty to disable failover for that key type.</source>
        <translation>Ziel- und Ausweichmodelle für PRODUCTION-Token; leer lassen, um Failover für diesen Schlüsseltyp zu deaktivieren.</translation>
    </message>
    <message>
        <source>Target model</source>
        <translation>Zielmodell</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>The model to send the request to; written at the provider&apos;s request-model location.</source>
        <translation>Das Modell, an das die Anfrage gesendet wird; es wird an der Stelle eingetragen, an der der Anbieter das Modell in der Anfrage erwartet.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>The id of one of the API&apos;s endpoints of this stage.</source>
        <translation>Die ID eines der Endpunkte der API in dieser Umgebung.</translation>
    </message>
    <message>
        <source>Endpoint name</source>
        <translation>Endpunktname</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Fallback models</source>
        <translation>Ausweichmodelle</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>Target and fallbacks for SANDBOX tokens; leave empty to disable failover for that key type.</source>
        <translation>Ziel- und Ausweichmodelle für SANDBOX-Token; leer lassen, um Failover für diesen Schlüsseltyp zu deaktivieren.</translation>
    </message>
    <message>
        <source>Request timeout (s)</source>
        <translation>Anfrage-Timeout (s)</translation>
    </message>
    <message>
        <source>Seconds the whole failover sequence may take.</source>
        <translation>Sekunden, die der gesamte Failover höchstens dauern darf.</translation>
    </message>
    <message>
        <source>Suspend duration (s)</source>
        <translation>Aussetzdauer (s)</translation>
    </message>
    <message>
        <source>Seconds a failing (endpoint, model) pair is left out before one trial request readmits it.</source>
        <translation>Sekunden, die ein fehlschlagendes Paar (Endpunkt, Modell) ausgesetzt bleibt, bevor eine Probeanfrage es wieder zulässt.</translation>
    </message>
    <message>
        <source>Model Round Robin</source>
        <translation>Modell-Round-Robin</translation>
    </message>
    <message>
        <source>Spreads requests evenly over the listed models in turn. Failing (endpoint, model) pairs are suspended.</source>
        <translation>Verteilt Anfragen reihum gleichmäßig auf die aufgeführten Modelle. Fehlschlagende Paare (Endpunkt, Modell) werden ausgesetzt.</translation>
    </message>
    <message>
        <source>Models to balance over for PRODUCTION tokens; an empty list disables routing for that key type.</source>
        <translation>Modelle, auf die die Last für PRODUCTION-Token verteilt wird; eine leere Liste deaktiviert das Routing für diesen Schlüsseltyp.</translation>
    </message>
    <message>
        <source>Models to balance over for SANDBOX tokens; an empty list disables routing for that key type.</source>
        <translation>Modelle, auf die die Last für SANDBOX-Token verteilt wird; eine leere Liste deaktiviert das Routing für diesen Schlüsseltyp.</translation>
    </message>
    <message>
        <source>Retry on another model</source>
        <translation>Mit anderem Modell wiederholen</translation>
    </message>
    <message>
        <source>Gatehouse only: when a pair fails before any byte reached the client, retry the request once on another active pair. Off gives WSO2&apos;s behaviour.</source>
        <translation>Nur in Gatehouse: Schlägt ein Paar fehl, bevor ein Byte beim Client angekommen ist, wird die Anfrage einmal mit einem anderen aktiven Paar wiederholt. Ausgeschaltet entspricht das Verhalten dem von WSO2.</translation>
    </message>
    <message>
        <source>Model Weighted Round Robin</source>
        <translation>Gewichtetes Modell-Round-Robin</translation>
    </message>
    <message>
        <source>Spreads requests over the listed models in proportion to their weights, smoothly and exactly (50/50 gives 10/10 over 20 requests). Failing (endpoint, model) pairs are suspended.</source>
        <translation>Verteilt Anfragen im Verhältnis ihrer Gewichte auf die aufgeführten Modelle, gleichmäßig gestreut und exakt (50/50 ergibt 10/10 bei 20 Anfragen). Fehlschlagende Paare (Endpunkt, Modell) werden ausgesetzt.</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Relative share of the traffic; 0 takes the model out of rotation.</source>
        <translation>Relativer Anteil am Datenverkehr; 0 nimmt das Modell aus der Rotation.</translation>
    </message>
    <message>
        <source>Remove Header</source>
        <translation>Header entfernen</translation>
    </message>
    <message>
        <source>Removes a header from the message passing through the flow.</source>
        <translation>Entfernt einen Header aus der Nachricht, die den Ablauf durchläuft.</translation>
    </message>
    <message>
        <source>Content Length Guardrail</source>
        <translation>Guardrail Inhaltslänge</translation>
    </message>
    <message>
        <source>Passes when the content has between min and max bytes (UTF-8 bytes). Answers 446 when it intervenes.</source>
        <translation>Besteht, wenn der Inhalt zwischen min und max Bytes lang ist (UTF-8-Bytes). Antwortet 446, wenn sie eingreift.</translation>
    </message>
    <message>
        <source>Guardrail Name</source>
        <translation>Name der Guardrail</translation>
    </message>
    <message>
        <source>The name of the guardrail policy, echoed as interveningGuardrail when it intervenes.</source>
        <translation>Der Name der Guardrail; bei einem Eingriff als interveningGuardrail zurückgegeben.</translation>
    </message>
    <message>
        <source>Minimum bytes</source>
        <translation>Mindestens Bytes</translation>
    </message>
    <message>
        <source>The fewest bytes the content may have.</source>
        <translation>Die wenigsten Bytes, die der Inhalt haben darf.</translation>
    </message>
    <message>
        <source>Maximum bytes</source>
        <translation>Höchstens Bytes</translation>
    </message>
    <message>
        <source>The most bytes the content may have.</source>
        <translation>Die meisten Bytes, die der Inhalt haben darf.</translation>
    </message>
    <message>
        <source>JSON Path</source>
        <translation>JSON-Pfad</translation>
    </message>
    <message>
        <source>The JSONPath of what to inspect ($.messages[-1].content: the last prompt; $.choices[0].message.content: the answer). Empty: the whole payload. A streamed answer is inspected as its joined text.</source>
        <translation>Der JSONPath des zu prüfenden Inhalts ($.messages[-1].content: der letzte Prompt; $.choices[0].message.content: die Antwort). Leer: der ganze Body. Eine gestreamte Antwort wird als ihr zusammengesetzter Text geprüft.</translation>
    </message>
    <message>
        <source>Invert the Guardrail Decision</source>
        <translation>Entscheidung der Guardrail umkehren</translation>
    </message>
    <message>
        <source>Intervene when the check passes instead of when it fails (a deny list).</source>
        <translation>Eingreifen, wenn die Prüfung besteht, statt wenn sie scheitert (eine Sperrliste).</translation>
    </message>
    <message>
        <source>Show Guardrail Assessment</source>
        <translation>Bewertung der Guardrail anzeigen</translation>
    </message>
    <message>
        <source>Include what the guardrail found in the error response.</source>
        <translation>Was die Guardrail gefunden hat, in die Fehlerantwort aufnehmen.</translation>
    </message>
    <message>
        <source>Hold streamed answers until judged</source>
        <translation>Gestreamte Antworten bis zum Urteil zurückhalten</translation>
    </message>
    <message>
        <source>Gatehouse only: hold a streamed answer back until the guardrail has judged all of it, so that a violation is a 446 instead of a final error event. Off: the answer flows and is cut off at a violation.</source>
        <translation>Nur Gatehouse: eine gestreamte Antwort zurückhalten, bis die Guardrail sie ganz beurteilt hat, damit ein Verstoß ein 446 statt eines abschließenden Fehlerereignisses ist. Aus: die Antwort fließt und wird bei einem Verstoß abgebrochen.</translation>
    </message>
    <message>
        <source>JSON Schema Guardrail</source>
        <translation>Guardrail JSON-Schema</translation>
    </message>
    <message>
        <source>Passes when a JSON object in the content validates against the schema (draft-07 and 2020-12 keywords); no object at all intervenes.</source>
        <translation>Besteht, wenn ein JSON-Objekt im Inhalt dem Schema entspricht (Schlüsselwörter von draft-07 und 2020-12); ohne jedes Objekt greift sie ein.</translation>
    </message>
    <message>
        <source>JSON Schema</source>
        <translation>JSON-Schema</translation>
    </message>
    <message>
        <source>The JSON Schema the content must satisfy.</source>
        <translation>Das JSON-Schema, dem der Inhalt entsprechen muss.</translation>
    </message>
    <message>
        <source>PII Masking with Regex</source>
        <translation>PII-Maskierung mit Regex</translation>
    </message>
    <message>
        <source>Masks personal data found by regular expressions: in the request each value becomes a placeholder (EMAIL_0000) and the response gets the originals back, streamed answers included. With redact, values become ***** for good. Never blocks.</source>
        <translation>Maskiert personenbezogene Daten, die reguläre Ausdrücke finden: in der Anfrage wird jeder Wert zu einem Platzhalter (EMAIL_0000), die Antwort erhält die Originale zurück, auch gestreamt. Mit redact werden Werte endgültig zu *****. Blockiert nie.</translation>
    </message>
    <message>
        <source>PII Entities</source>
        <translation>PII-Entitäten</translation>
    </message>
    <message>
        <source>The entities to find, as a JSON list: [{&quot;piiEntity&quot;:&quot;EMAIL&quot;,&quot;piiRegex&quot;:&quot;...&quot;}].</source>
        <translation>Die zu findenden Entitäten als JSON-Liste: [{&quot;piiEntity&quot;:&quot;EMAIL&quot;,&quot;piiRegex&quot;:&quot;...&quot;}].</translation>
    </message>
    <message>
        <source>The JSONPath of the strings to mask. Empty: every string of the payload.</source>
        <translation>Der JSONPath der zu maskierenden Zeichenketten. Leer: jede Zeichenkette des Bodys.</translation>
    </message>
    <message>
        <source>Redact PII</source>
        <translation>PII schwärzen</translation>
    </message>
    <message>
        <source>Replace found values with ***** for good instead of restoring them in the response.</source>
        <translation>Gefundene Werte endgültig durch ***** ersetzen, statt sie in der Antwort wiederherzustellen.</translation>
    </message>
    <message>
        <source>Regex Guardrail</source>
        <translation>Regex-Guardrail</translation>
    </message>
    <message>
        <source>Passes when the regular expression is found in the content; with invert, intervenes when it is found (a deny list). Answers 446 when it intervenes.</source>
        <translation>Besteht, wenn der reguläre Ausdruck im Inhalt gefunden wird; mit invert greift sie ein, wenn er gefunden wird (eine Sperrliste). Antwortet 446, wenn sie eingreift.</translation>
    </message>
    <message>
        <source>Regex Pattern</source>
        <translation>Regex-Muster</translation>
    </message>
    <message>
        <source>The regular expression searched for in the content (PCRE, as Java&apos;s for common patterns).</source>
        <translation>Der im Inhalt gesuchte reguläre Ausdruck (PCRE, für übliche Muster wie in Java).</translation>
    </message>
    <message>
        <source>Sentence Count Guardrail</source>
        <translation>Guardrail Satzanzahl</translation>
    </message>
    <message>
        <source>Passes when the content has between min and max sentences (split on . ! and ?). Answers 446 when it intervenes.</source>
        <translation>Besteht, wenn der Inhalt zwischen min und max Sätze hat (getrennt an . ! und ?). Antwortet 446, wenn sie eingreift.</translation>
    </message>
    <message>
        <source>Minimum sentences</source>
        <translation>Mindestens Sätze</translation>
    </message>
    <message>
        <source>The fewest sentences the content may have.</source>
        <translation>Die wenigsten Sätze, die der Inhalt haben darf.</translation>
    </message>
    <message>
        <source>Maximum sentences</source>
        <translation>Höchstens Sätze</translation>
    </message>
    <message>
        <source>The most sentences the content may have.</source>
        <translation>Die meisten Sätze, die der Inhalt haben darf.</translation>
    </message>
    <message>
        <source>Word Count Guardrail</source>
        <translation>Guardrail Wortanzahl</translation>
    </message>
    <message>
        <source>Passes when the content has between min and max words (split on whitespace). Answers 446 when it intervenes.</source>
        <translation>Besteht, wenn der Inhalt zwischen min und max Wörter hat (getrennt an Leerraum). Antwortet 446, wenn sie eingreift.</translation>
    </message>
    <message>
        <source>Minimum words</source>
        <translation>Mindestens Wörter</translation>
    </message>
    <message>
        <source>The fewest words the content may have.</source>
        <translation>Die wenigsten Wörter, die der Inhalt haben darf.</translation>
    </message>
    <message>
        <source>Maximum words</source>
        <translation>Höchstens Wörter</translation>
    </message>
    <message>
        <source>The most words the content may have.</source>
        <translation>Die meisten Wörter, die der Inhalt haben darf.</translation>
    </message>
    <message>
        <source>URL Guardrail</source>
        <translation>URL-Guardrail</translation>
    </message>
    <message>
        <source>Checks that every URL in the content is real: it resolves (DNS only) or accepts a connection, within the timeout. Answers 446 when one does not. The gateway makes these lookups and connections itself.</source>
        <translation>Prüft, dass jede URL im Inhalt echt ist: sie wird aufgelöst (nur DNS) oder nimmt innerhalb der Zeitgrenze eine Verbindung an. Antwortet 446, wenn eine es nicht tut. Das Gateway stellt diese Anfragen und Verbindungen selbst her.</translation>
    </message>
    <message>
        <source>Only DNS</source>
        <translation>Nur DNS</translation>
    </message>
    <message>
        <source>Only check that each URL&apos;s host resolves, without connecting to it.</source>
        <translation>Nur prüfen, dass der Host jeder URL aufgelöst wird, ohne sich zu verbinden.</translation>
    </message>
    <message>
        <source>Timeout (ms)</source>
        <translation>Zeitgrenze (ms)</translation>
    </message>
    <message>
        <source>How long the checks may take, in milliseconds; a URL not confirmed by then counts as invalid.</source>
        <translation>Wie lange die Prüfungen dauern dürfen, in Millisekunden; eine bis dahin nicht bestätigte URL gilt als ungültig.</translation>
    </message>
    <message>
        <source>Azure Content Safety Content Moderation</source>
        <translation>Azure-Content-Safety-Moderation</translation>
    </message>
    <message>
        <source>Rates the content with Azure AI Content Safety (text:analyze) and intervenes when a category&apos;s severity is above its maximum. The endpoint is the workspace&apos;s; the key is in the secret store.</source>
        <translation>Bewertet den Inhalt mit Azure AI Content Safety (text:analyze) und greift ein, wenn der Schweregrad einer Kategorie über ihrem Höchstwert liegt. Der Endpunkt ist der des Arbeitsbereichs; der Schlüssel liegt im Geheimnisspeicher.</translation>
    </message>
    <message>
        <source>Let the call through when Azure AI Content Safety cannot be reached or fails, instead of answering 900967.</source>
        <translation>Den Aufruf durchlassen, wenn Azure AI Content Safety nicht erreichbar ist oder fehlschlägt, statt mit 900967 zu antworten.</translation>
    </message>
    <message>
        <source>Hate</source>
        <translation>Hass</translation>
    </message>
    <message>
        <source>The highest severity (0-7) Azure may rate this category; empty: not checked.</source>
        <translation>Der höchste Schweregrad (0–7), den Azure für diese Kategorie vergeben darf; leer: nicht geprüft.</translation>
    </message>
    <message>
        <source>Sexual</source>
        <translation>Sexuell</translation>
    </message>
    <message>
        <source>Self Harm</source>
        <translation>Selbstverletzung</translation>
    </message>
    <message>
        <source>Violence</source>
        <translation>Gewalt</translation>
    </message>
    <message>
        <source>Passthrough on Error</source>
        <translation>Bei Fehler durchlassen</translation>
    </message>
    <message>
        <source>LLM Cost</source>
        <translation>LLM-Kosten</translation>
    </message>
    <message>
        <source>Prices each answer from its token usage and the workspace&apos;s model prices, and tells the client: x-llm-cost (USD, 10 decimals) and x-llm-cost-status headers, and for streamed answers an SSE comment before the final event.</source>
        <translation>Berechnet den Preis jeder Antwort aus ihrem Token-Verbrauch und den Modellpreisen des Arbeitsbereichs und teilt ihn dem Client mit: in den Headern x-llm-cost (USD, 10 Nachkommastellen) und x-llm-cost-status, bei gestreamten Antworten in einem SSE-Kommentar vor dem letzten Ereignis.</translation>
    </message>
    <message>
        <source>Send cost headers</source>
        <translation>Kosten-Header senden</translation>
    </message>
    <message>
        <source>Add x-llm-cost and x-llm-cost-status to the response. The answer is then read whole before it goes out; a streamed answer&apos;s headers leave before its usage is known, so streams get the comment instead.</source>
        <translation>x-llm-cost und x-llm-cost-status zur Antwort hinzufügen. Die Antwort wird dann ganz gelesen, bevor sie hinausgeht; die Header einer gestreamten Antwort gehen hinaus, bevor ihr Verbrauch bekannt ist, daher erhalten Streams stattdessen den Kommentar.</translation>
    </message>
    <message>
        <source>Cost comment in streams</source>
        <translation>Kostenkommentar in Streams</translation>
    </message>
    <message>
        <source>For a streamed answer, send an SSE comment line (&quot;: x-llm-cost=0.0000423100 x-llm-cost-status=calculated&quot;) before data: [DONE]. SSE clients and the OpenAI SDKs ignore comments.</source>
        <translation>Bei einer gestreamten Antwort eine SSE-Kommentarzeile (&quot;: x-llm-cost=0.0000423100 x-llm-cost-status=calculated&quot;) vor data: [DONE] senden. SSE-Clients und die OpenAI-SDKs ignorieren Kommentare.</translation>
    </message>
    <message>
        <source>Prompt Decorator</source>
        <translation>Prompt-Dekorierer</translation>
    </message>
    <message>
        <source>Adds fixed text before or after the prompt at a JSONPath, or fixed messages (a system prompt) at the start or the end of the conversation, to every request.</source>
        <translation>Fügt jeder Anfrage festen Text vor oder nach dem Prompt an einem JSONPath hinzu, oder feste Nachrichten (einen System-Prompt) am Anfang oder Ende der Unterhaltung.</translation>
    </message>
    <message>
        <source>Decorator Name</source>
        <translation>Name des Dekorierers</translation>
    </message>
    <message>
        <source>The name of the prompt decorator policy, for tracking.</source>
        <translation>Der Name der Prompt-Dekorierer-Richtlinie, zur Nachverfolgung.</translation>
    </message>
    <message>
        <source>Prompt Decorator Configuration</source>
        <translation>Konfiguration des Prompt-Dekorierers</translation>
    </message>
    <message>
        <source>{&quot;decoration&quot;:&quot;text&quot;} to put text before or after the string at the JSON path (with a space between), or {&quot;decoration&quot;:[{&quot;role&quot;:&quot;system&quot;,&quot;content&quot;:&quot;...&quot;}]} to put messages into the list at the JSON path.</source>
        <translation>{&quot;decoration&quot;:&quot;text&quot;}, um Text vor oder nach die Zeichenkette am JSON-Pfad zu setzen (mit einem Leerzeichen dazwischen), oder {&quot;decoration&quot;:[{&quot;role&quot;:&quot;system&quot;,&quot;content&quot;:&quot;...&quot;}]}, um Nachrichten in die Liste am JSON-Pfad einzufügen.</translation>
    </message>
    <message>
        <source>Where the decoration goes: $.messages for messages, $.messages[-1].content for text added to the last prompt.</source>
        <translation>Wohin die Dekoration kommt: $.messages für Nachrichten, $.messages[-1].content für Text am letzten Prompt.</translation>
    </message>
    <message>
        <source>Append Decorated Content</source>
        <translation>Dekoration anhängen</translation>
    </message>
    <message>
        <source>Put the decoration after the content instead of before it.</source>
        <translation>Die Dekoration hinter den Inhalt setzen statt davor.</translation>
    </message>
    <message>
        <source>Prompt Template</source>
        <translation>Prompt-Vorlage</translation>
    </message>
    <message>
        <source>Fills named prompts: a message holding template://name?variable=value (values percent-encoded) becomes that template&apos;s prompt with its [[variable]] placeholders filled. A reference to an unknown template or without a value for one of its variables is refused with 400 and the reason.</source>
        <translation>Füllt benannte Prompts: Eine Nachricht mit template://name?variable=wert (Werte prozentkodiert) wird zum Prompt dieser Vorlage mit ausgefüllten [[variable]]-Platzhaltern. Ein Verweis auf eine unbekannte Vorlage oder ohne Wert für eine ihrer Variablen wird mit 400 und dem Grund abgewiesen.</translation>
    </message>
    <message>
        <source>Template Name</source>
        <translation>Name der Vorlage</translation>
    </message>
    <message>
        <source>The name of the prompt template policy, for tracking and in error messages.</source>
        <translation>Der Name der Prompt-Vorlagen-Richtlinie, zur Nachverfolgung und in Fehlermeldungen.</translation>
    </message>
    <message>
        <source>Prompt Template Configuration</source>
        <translation>Konfiguration der Prompt-Vorlagen</translation>
    </message>
    <message>
        <source>The templates, as a JSON list: [{&quot;name&quot;:&quot;translate&quot;,&quot;prompt&quot;:&quot;Translate [[text]] into [[lang]].&quot;}]. Names are letters, digits, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Die Vorlagen als JSON-Liste: [{&quot;name&quot;:&quot;translate&quot;,&quot;prompt&quot;:&quot;Translate [[text]] into [[lang]].&quot;}]. Namen bestehen aus Buchstaben, Ziffern, &apos;_&apos; und &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Response Cache</source>
        <translation>Antwort-Cache</translation>
    </message>
    <message>
        <source>Answers a request that was answered before from the cache: the same API, operation, stage, chosen model and endpoint, and the same request body (system prompt, history, tools and generation parameters) after the request flow. Only 2xx answers are kept; streamed answers are replayed as streams. Clients skip it with Cache-Control: no-cache (not read) or no-store (neither read nor kept). Every answer says X-Cache-Status: Hit, Miss or Bypass. Gatehouse&apos;s own policy: left out of WSO2 exports, with a warning.</source>
        <translation>Beantwortet eine schon einmal beantwortete Anfrage aus dem Cache: dieselbe API, Operation, Stufe, dasselbe gewählte Modell und derselbe Endpunkt und derselbe Anfragetext (Systemprompt, Verlauf, Werkzeuge und Generierungsparameter) nach dem Anfragefluss. Nur 2xx-Antworten werden behalten; gestreamte Antworten werden als Streams wiedergegeben. Clients umgehen ihn mit Cache-Control: no-cache (nicht gelesen) oder no-store (weder gelesen noch behalten). Jede Antwort nennt X-Cache-Status: Hit, Miss oder Bypass. Eine eigene Richtlinie von Gatehouse: wird in WSO2-Exporten mit einer Warnung weggelassen.</translation>
    </message>
    <message>
        <source>Time to live (seconds)</source>
        <translation>Lebensdauer (Sekunden)</translation>
    </message>
    <message>
        <source>How long an answer is served from the cache after it was kept.</source>
        <translation>Wie lange eine Antwort aus dem Cache ausgeliefert wird, nachdem sie behalten wurde.</translation>
    </message>
    <message>
        <source>Maximum entries</source>
        <translation>Höchstzahl der Einträge</translation>
    </message>
    <message>
        <source>How many answers are kept; the least recently used one makes room for a new one. Answers larger than 1 MiB are never kept.</source>
        <translation>Wie viele Antworten behalten werden; die am längsten nicht genutzte macht einer neuen Platz. Antworten über 1 MiB werden nie behalten.</translation>
    </message>
    <message>
        <source>Semantic Cache</source>
        <translation>Semantischer Cache</translation>
    </message>
    <message>
        <source>Answers a request from the cache when an earlier one meant the same: the text at the JSON path (the last prompt) is embedded with the workspace&apos;s embedding provider and compared by L2 distance with the texts of earlier requests. A hit also needs everything else to be equal: the API, operation, chosen model and endpoint, system prompt, earlier turns and parameters. Only 2xx answers are kept; Cache-Control no-cache and no-store are honoured; X-Cache-Status says Hit, Miss or Bypass.</source>
        <translation>Beantwortet eine Anfrage aus dem Cache, wenn eine frühere dasselbe meinte: der Text am JSON-Pfad (der letzte Prompt) wird mit dem Embedding-Anbieter des Arbeitsbereichs eingebettet und per L2-Abstand mit den Texten früherer Anfragen verglichen. Ein Treffer verlangt außerdem, dass alles andere gleich ist: API, Operation, gewähltes Modell und gewählter Endpunkt, Systemprompt, frühere Gesprächsrunden und Parameter. Nur 2xx-Antworten werden behalten; Cache-Control no-cache und no-store werden beachtet; X-Cache-Status nennt Hit, Miss oder Bypass.</translation>
    </message>
    <message>
        <source>Semantic Cache Policy Name</source>
        <translation>Name der Semantic-Cache-Richtlinie</translation>
    </message>
    <message>
        <source>The name of the semantic cache policy, for tracking and referencing this policy instance.</source>
        <translation>Der Name der Semantic-Cache-Richtlinie, zum Nachverfolgen und Verweisen auf diese Instanz.</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellenwert</translation>
    </message>
    <message>
        <source>The largest L2 distance between two embeddings that still counts as the same question: 0 is the same text, 2 opposite (for unit-length embeddings).</source>
        <translation>Der größte L2-Abstand zwischen zwei Embeddings, der noch als dieselbe Frage gilt: 0 ist derselbe Text, 2 das Gegenteil (bei Embeddings der Länge eins).</translation>
    </message>
    <message>
        <source>What is compared by meaning ($.messages[-1].content: the last prompt). Everything else in the request must be equal for a hit. Empty: the whole payload is compared.</source>
        <translation>Was nach Bedeutung verglichen wird ($.messages[-1].content: der letzte Prompt). Alles andere in der Anfrage muss für einen Treffer gleich sein. Leer: die ganze Nutzlast wird verglichen.</translation>
    </message>
    <message>
        <source>How many answers are kept; the oldest make room for new ones.</source>
        <translation>Wie viele Antworten behalten werden; die ältesten machen neuen Platz.</translation>
    </message>
    <message>
        <source>Semantic Prompt Guardrail</source>
        <translation>Semantische Prompt-Schutzregel</translation>
    </message>
    <message>
        <source>Compares the content by meaning with allowed and denied prompts (embeddings from the workspace&apos;s provider, cosine similarity x 100 against the threshold). A denied prompt that matches intervenes; with allowed prompts, one of them must match. Answers 446 when it intervenes.</source>
        <translation>Vergleicht den Inhalt nach Bedeutung mit erlaubten und verbotenen Prompts (Embeddings vom Anbieter des Arbeitsbereichs, Kosinus-Ähnlichkeit x 100 gegen den Schwellenwert). Ein passender verbotener Prompt greift ein; mit erlaubten Prompts muss einer von ihnen passen. Antwortet 446, wenn sie eingreift.</translation>
    </message>
    <message>
        <source>Semantic Rules</source>
        <translation>Semantische Regeln</translation>
    </message>
    <message>
        <source>The allowed and denied prompts, as JSON: {&quot;allowPrompts&quot;: [...], &quot;denyPrompts&quot;: [...]} (at most 100 each).</source>
        <translation>Die erlaubten und verbotenen Prompts als JSON: {&quot;allowPrompts&quot;: [...], &quot;denyPrompts&quot;: [...]} (je höchstens 100).</translation>
    </message>
    <message>
        <source>Similarity Threshold</source>
        <translation>Ähnlichkeitsschwelle</translation>
    </message>
    <message>
        <source>How similar (0-100, cosine similarity x 100) the content must be to a prompt to match it.</source>
        <translation>Wie ähnlich (0-100, Kosinus-Ähnlichkeit x 100) der Inhalt einem Prompt sein muss, um zu ihm zu passen.</translation>
    </message>
    <message>
        <source>The JSONPath of what to inspect ($.messages[-1].content: the last prompt; $.choices[0].message.content: the answer). Empty: the whole payload.</source>
        <translation>Der JSONPath dessen, was geprüft wird ($.messages[-1].content: der letzte Prompt; $.choices[0].message.content: die Antwort). Leer: die ganze Nutzlast.</translation>
    </message>
    <message>
        <source>Include which prompt matched (or which were required) in the error response.</source>
        <translation>In der Fehlerantwort nennen, welcher Prompt gepasst hat (oder welche verlangt waren).</translation>
    </message>
    <message>
        <source>Semantic Model Routing</source>
        <translation>Semantisches Modell-Routing</translation>
    </message>
    <message>
        <source>Routes each request to the model and endpoint of the route whose example utterances it resembles most (cosine similarity of embeddings from the workspace&apos;s provider, at least the route&apos;s score threshold), and to the default model otherwise.</source>
        <translation>Leitet jede Anfrage an Modell und Endpunkt der Route, deren Beispielformulierungen sie am meisten ähnelt (Kosinus-Ähnlichkeit der Embeddings vom Anbieter des Arbeitsbereichs, mindestens der Schwellenwert der Route), sonst an das Standardmodell.</translation>
    </message>
    <message>
        <source>Semantic Route Configurations</source>
        <translation>Semantische Routenkonfiguration</translation>
    </message>
    <message>
        <source>Per stage, routes of {model, endpointId, utterances, scorethreshold (0-1, default 0.90)} and a defaultModel {model, endpointId}; path.contentpath is what is compared ($.messages[-1].content).</source>
        <translation>Je Stufe Routen aus {model, endpointId, utterances, scorethreshold (0-1, Standard 0.90)} und ein defaultModel {model, endpointId}; path.contentpath ist, was verglichen wird ($.messages[-1].content).</translation>
    </message>
</context>
<context>
    <name>PolicyCommands</name>
    <message>
        <source>Attach a policy (addHeader, a model router, ...) to a flow.</source>
        <translation>Eine Richtlinie (addHeader, einen Modell-Router, ...) an einen Ablauf anhängen.</translation>
    </message>
    <message>
        <source>Attaches a catalogue policy to one flow of an operation or of the whole API, as WSO2&apos;s Publisher does. --params takes WSO2&apos;s single-quoted form {&apos;production&apos;:[...]} or ordinary JSON. A model router&apos;s configuration may be given bare (as WSO2 shows it) or under its attribute name ({&quot;weightedRoundRobinConfigs&quot;: {...}}). The placement rules (flows, one load-balancing policy per operation) and the whole API are validated before anything is saved.</source>
        <extracomment>Keep the option names and the JSON examples.</extracomment>
        <translation>Hängt eine Richtlinie aus dem Katalog an einen Ablauf einer Operation oder der ganzen API an, wie es der Publisher von WSO2 tut. --params akzeptiert die WSO2-Form mit einfachen Anführungszeichen {&apos;production&apos;:[...]} oder gewöhnliches JSON. Die Konfiguration eines Modell-Routers kann direkt (wie WSO2 sie zeigt) oder unter ihrem Attributnamen angegeben werden ({&quot;weightedRoundRobinConfigs&quot;: {...}}). Die Platzierungsregeln (Abläufe, eine Lastverteilungs-Richtlinie pro Operation) und die ganze API werden validiert, bevor etwas gespeichert wird.</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Beispiel:</translation>
    </message>
    <message>
        <source>The policy&apos;s name (see gatehouse-ctl policy catalogue).</source>
        <translation>Der Name der Richtlinie (siehe gatehouse-ctl policy catalogue).</translation>
    </message>
    <message>
        <source>The parameters as a JSON object, in WSO2&apos;s single-quoted form or ordinary JSON. Default: the policy&apos;s defaults.</source>
        <translation>Die Parameter als JSON-Objekt, in der WSO2-Form mit einfachen Anführungszeichen oder als gewöhnliches JSON. Standard: die Standardwerte der Richtlinie.</translation>
    </message>
    <message>
        <source>Insert at this 0-based position in the flow (default: at the end).</source>
        <translation>An dieser 0-basierten Position im Ablauf einfügen (Standard: am Ende).</translation>
    </message>
    <message>
        <source>Show the policies attached to an API, per flow, with their parameters.</source>
        <translation>Die an eine API angehängten Richtlinien je Ablauf mit ihren Parametern anzeigen.</translation>
    </message>
    <message>
        <source>Shows the policies of the API level and of every operation (or of one), per flow and in order, with their 0-based index and their parameters; an attribute WSO2 stores as a single-quoted string is also shown in that form.</source>
        <translation>Zeigt die Richtlinien der API-Ebene und jeder Operation (oder einer einzelnen) je Ablauf und in ihrer Reihenfolge, mit ihrem 0-basierten Index und ihren Parametern; ein Attribut, das WSO2 als Zeichenkette mit einfachen Anführungszeichen speichert, wird zusätzlich in dieser Form gezeigt.</translation>
    </message>
    <message>
        <source>Remove a policy from a flow.</source>
        <translation>Eine Richtlinie aus einem Ablauf entfernen.</translation>
    </message>
    <message>
        <source>Removes the policy at a 0-based index of a flow (as policy list shows it), or the first policy of a name.</source>
        <translation>Entfernt die Richtlinie an einem 0-basierten Index eines Ablaufs (wie policy list ihn zeigt) oder die erste Richtlinie eines Namens.</translation>
    </message>
    <message>
        <source>The 0-based index in the flow.</source>
        <translation>Der 0-basierte Index im Ablauf.</translation>
    </message>
    <message>
        <source>Remove the first policy of this name in the flow.</source>
        <translation>Die erste Richtlinie dieses Namens im Ablauf entfernen.</translation>
    </message>
    <message>
        <source>List the policies that can be attached, with their parameters.</source>
        <translation>Die Richtlinien, die angehängt werden können, mit ihren Parametern auflisten.</translation>
    </message>
    <message>
        <source>Lists the policy catalogue: each policy&apos;s name, the flows and API types it applies to and its parameters. Needs no workspace.</source>
        <translation>Listet den Richtlinienkatalog auf: den Namen jeder Richtlinie, die Abläufe und API-Typen, für die sie gilt, und ihre Parameter. Benötigt keinen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>--params must be a JSON object, not %1</source>
        <translation>--params muss ein JSON-Objekt sein, nicht %1</translation>
    </message>
    <message>
        <source>--operation must look like &quot;POST /chat/completions&quot; (got &quot;%1&quot;)</source>
        <translation>--operation muss die Form &quot;POST /chat/completions&quot; haben (angegeben: „%1“)</translation>
    </message>
    <message>
        <source>%1 has no operation &quot;%2 %3&quot; (operations: %4)</source>
        <translation>%1 hat keine Operation „%2 %3“ (Operationen: %4)</translation>
    </message>
    <message>
        <source>API level</source>
        <extracomment>The scope of the policies that run for every operation of an API.</extracomment>
        <translation>API-Ebene</translation>
    </message>
    <message>
        <source>unknown policy &quot;%1&quot; (see gatehouse-ctl policy catalogue)</source>
        <translation>unbekannte Richtlinie „%1“ (siehe gatehouse-ctl policy catalogue)</translation>
    </message>
    <message>
        <source>Attached %1 to %2 in %3 (position %4)</source>
        <translation>%1 in %3 an den %2 angehängt (Position %4)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 of %2 %3:</source>
        <extracomment>%1 is an operation such as &quot;POST /chat/completions&quot;, %2 %3 the API&apos;s name and version.</extracomment>
        <translation>%1 von %2 %3:</translation>
    </message>
    <message>
        <source>API level (every operation):</source>
        <translation>API-Ebene (jede Operation):</translation>
    </message>
    <message>
        <source>%1 %2 has no policies attached.</source>
        <translation>An %1 %2 sind keine Richtlinien angehängt.</translation>
    </message>
    <message>
        <source>--index must be a whole number from 0 (got &quot;%1&quot;)</source>
        <translation>--index muss eine ganze Zahl ab 0 sein (angegeben: „%1“)</translation>
    </message>
    <message>
        <source>%1 has no policy at index %2 (it has %3)</source>
        <translation>der %1 enthält keine Richtlinie an Index %2 (er enthält %3)</translation>
    </message>
    <message>
        <source>no %1 in %2</source>
        <translation>keine Richtlinie %1 im %2</translation>
    </message>
    <message>
        <source>Detached %1 (index %2) from %3 in %4</source>
        <translation>%1 (Index %2) in %4 aus dem %3 entfernt</translation>
    </message>
    <message>
        <source>all</source>
        <extracomment>The API types a policy applies to: all of them.</extracomment>
        <translation>alle</translation>
    </message>
    <message>
        <source>flows: %1; API types: %2</source>
        <extracomment>%1 lists flows (request, response, fault), %2 API types.</extracomment>
        <translation>Abläufe: %1; API-Typen: %2</translation>
    </message>
    <message>
        <source>flows: %1; API types: %2; exclusive with other %3 policies on an operation</source>
        <extracomment>%1 lists flows (request, response, fault), %2 API types, %3 is a group of policies such as &quot;loadBalancing&quot;.</extracomment>
        <translation>Abläufe: %1; API-Typen: %2; schließt andere %3-Richtlinien an derselben Operation aus</translation>
    </message>
    <message>
        <source>required</source>
        <extracomment>A trait of a policy parameter: it must be given.</extracomment>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>WSO2 single-quoted JSON</source>
        <extracomment>A trait of a policy parameter: how WSO2 writes its value.</extracomment>
        <translation>WSO2-JSON mit einfachen Anführungszeichen</translation>
    </message>
    <message>
        <source>param %1 (%2)</source>
        <extracomment>%1 is a parameter&apos;s name, %2 its type and traits.</extracomment>
        <translation>Parameter %1 (%2)</translation>
    </message>
    <message>
        <source>param %1 (%2): %3</source>
        <extracomment>%1 is a parameter&apos;s name, %2 its type and traits, %3 its description.</extracomment>
        <translation>Parameter %1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>PolicyDefinition</name>
    <message>
        <source>unknown flow &quot;%1&quot;</source>
        <translation>unbekannter Ablauf „%1“</translation>
    </message>
    <message>
        <source>must name at least one flow</source>
        <translation>muss mindestens einen Ablauf nennen</translation>
    </message>
</context>
<context>
    <name>PolicyValidator</name>
    <message>
        <source>%1 cannot be attached to the %2 flow: it only runs in the %3 flow</source>
        <translation>%1 kann nicht an den Ablauf „%2“ angehängt werden: Die Richtlinie ist nur für diese Abläufe vorgesehen: %3</translation>
    </message>
    <message>
        <source>%1 applies only to AI APIs; %2 is a plain HTTP API</source>
        <translation>%1 gilt nur für KI-APIs; %2 ist eine reine HTTP-API</translation>
    </message>
    <message>
        <source>%1 does not apply to APIs of type %2</source>
        <translation>%1 gilt nicht für APIs vom Typ %2</translation>
    </message>
    <message>
        <source>unknown policy &quot;%1&quot;</source>
        <translation>unbekannte Richtlinie „%1“</translation>
    </message>
    <message>
        <source>only one load-balancing policy may apply to an operation</source>
        <translation>für eine Operation darf nur eine Lastverteilungsrichtlinie gelten</translation>
    </message>
    <message>
        <source>%1: %2 is already attached at API level</source>
        <extracomment>%1 is &quot;only one load-balancing policy may apply to an operation&quot;, %2 a policy&apos;s name.</extracomment>
        <translation>%1: %2 ist bereits auf API-Ebene angehängt</translation>
    </message>
    <message>
        <source>%1: %2 is already attached to %3</source>
        <extracomment>%1 is &quot;only one load-balancing policy may apply to an operation&quot;, %2 a policy&apos;s name, %3 an operation (&quot;POST /chat/completions&quot;).</extracomment>
        <translation>%1: %2 ist bereits an %3 angehängt</translation>
    </message>
    <message>
        <source>is not valid JSON: %1</source>
        <translation>ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>must be %1, not %2</source>
        <translation>muss %1 sein, nicht %2</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>must be at least %1 characters long</source>
        <translation>muss mindestens %1 Zeichen lang sein</translation>
    </message>
    <message>
        <source>does not match %1</source>
        <translation>entspricht nicht %1</translation>
    </message>
    <message>
        <source>must be one of %1 (got &quot;%2&quot;)</source>
        <translation>muss einer der Werte %1 sein (angegeben: „%2“)</translation>
    </message>
    <message>
        <source>must be a whole number of seconds, not %1</source>
        <translation>muss eine ganze Zahl von Sekunden sein, nicht %1</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine Ganzzahl</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>muss eine endliche Zahl sein</translation>
    </message>
    <message>
        <source>must be at least %1 (got %2)</source>
        <translation>muss mindestens %1 sein (angegeben: %2)</translation>
    </message>
    <message>
        <source>must be at most %1 (got %2)</source>
        <translation>darf höchstens %1 sein (angegeben: %2)</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>unknown field, ignored</source>
        <translation>unbekanntes Feld, wird ignoriert</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>no %1 endpoint with id &quot;%2&quot;</source>
        <translation>kein %1-Endpunkt mit der ID „%2“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a %2 endpoint, not a %3 one</source>
        <translation>„%1“ ist ein %2-Endpunkt, kein %3-Endpunkt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in %2&apos;s model list (%3); the upstream may refuse it</source>
        <translation>„%1“ steht nicht in der Modellliste von %2 (%3); der Upstream-Server lehnt das Modell möglicherweise ab</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>%1 has no parameter of this name; it is ignored</source>
        <translation>%1 hat keinen Parameter dieses Namens; er wird ignoriert</translation>
    </message>
    <message>
        <source>the regular expression %1</source>
        <translation>der reguläre Ausdruck: %1</translation>
    </message>
    <message>
        <source>is not JSON (from byte %1)</source>
        <translation>ist kein JSON (ab Byte %1)</translation>
    </message>
    <message>
        <source>is not a usable JSON Schema: %1</source>
        <translation>ist kein verwendbares JSON-Schema: %1</translation>
    </message>
    <message>
        <source>must not be above %1 (%2)</source>
        <translation>darf nicht über %1 (%2) liegen</translation>
    </message>
    <message>
        <source>must be a decimal number of 0 or more, such as &quot;0.32&quot;</source>
        <translation>muss eine Dezimalzahl von 0 oder mehr sein, etwa „0.32“</translation>
    </message>
    <message>
        <source>must be a number, not the text &quot;%1&quot;</source>
        <translation>muss eine Zahl sein, nicht der Text „%1“</translation>
    </message>
</context>
<context>
    <name>PriceCatalogue</name>
    <message>
        <source>$: expected an object (model name -&gt; price), found %1</source>
        <extracomment>The top level of a price file; &quot;model name -&gt; price&quot; says what the object maps.</extracomment>
        <translation>$: erwartet: ein Objekt (Modellname -&gt; Preis), gefunden: %1</translation>
    </message>
</context>
<context>
    <name>PriceCommands</name>
    <message>
        <source>workspace</source>
        <extracomment>The ORIGIN column of &quot;prices list&quot;: the price comes from the workspace&apos;s prices.json...</extracomment>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>mitgeliefert</translation>
    </message>
    <message>
        <source>%1 must be a price in USD per 1M tokens, such as 2.50 (got &quot;%2&quot;)</source>
        <extracomment>%1 is an option such as --input, %2 what was typed. Keep &quot;2.50&quot; as it is: a number to type.</extracomment>
        <translation>%1 muss ein Preis in USD pro 1 Mio. Token sein, etwa 2.50 (angegeben: „%2“)</translation>
    </message>
    <message>
        <source>List the model prices the gateway charges requests at.</source>
        <translation>Die Modellpreise auflisten, zu denen das Gateway Anfragen berechnet.</translation>
    </message>
    <message>
        <source>Lists the prices in effect: the list prices shipped with Gatehouse for the built-in providers&apos; models, each replaced by the workspace&apos;s own price for the same model (prices.json). One row per model: its provider, the input, cached input and output prices in USD per 1M tokens, where the price comes from (shipped or workspace) and the date it was read from the price page. --model shows the price a request for MODEL is charged at and the entry it is found under: the name in lower case, then without a provider prefix (openai/gpt-4o), then with its -suffixes stripped one by one (gpt-4o-2024-11-20 is charged as gpt-4o); it fails when none matches.</source>
        <translation>Listet die geltenden Preise auf: die mit Gatehouse mitgelieferten Listenpreise für die Modelle der eingebauten Anbieter, jeweils ersetzt durch den eigenen Preis des Arbeitsbereichs für dasselbe Modell (prices.json). Eine Zeile pro Modell: sein Anbieter, die Preise für Eingabe, Eingabe aus dem Cache und Ausgabe in USD pro 1 Mio. Token, woher der Preis stammt (mitgeliefert oder Arbeitsbereich) und das Datum, an dem er von der Preisseite abgelesen wurde. --model zeigt den Preis, zu dem eine Anfrage für MODEL berechnet wird, und den Eintrag, unter dem er gefunden wird: der Name in Kleinbuchstaben, dann ohne Anbieterpräfix (openai/gpt-4o), dann mit einem -Suffix nach dem anderen entfernt (gpt-4o-2024-11-20 wird als gpt-4o berechnet); schlägt fehl, wenn nichts passt.</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Beispiel:</translation>
    </message>
    <message>
        <source>Show the price a request for this model is charged at.</source>
        <translation>Den Preis zeigen, zu dem eine Anfrage für dieses Modell berechnet wird.</translation>
    </message>
    <message>
        <source>Set a model&apos;s price in the workspace.</source>
        <translation>Den Preis eines Modells im Arbeitsbereich festlegen.</translation>
    </message>
    <message>
        <source>Sets the price of MODEL in the workspace&apos;s prices.json, in USD per 1M tokens as price pages show them (the file stores them per token, as LiteLLM does). A price for a model that has one already (in the workspace, or shipped) keeps that entry&apos;s other fields: context window, cache write price, long-context prices. The other models&apos; prices stay as they are. The date of the price is today; --source names the page it comes from.</source>
        <translation>Legt den Preis von MODEL in prices.json des Arbeitsbereichs fest, in USD pro 1 Mio. Token, wie Preisseiten ihn angeben (die Datei speichert ihn pro Token, wie LiteLLM). Hat das Modell bereits einen Preis (im Arbeitsbereich oder mitgeliefert), bleiben die übrigen Felder dieses Eintrags erhalten: Kontextfenster, Preis für Cache-Schreibvorgänge, Preise für lange Kontexte. Die Preise der anderen Modelle bleiben, wie sie sind. Das Datum des Preises ist heute; --source nennt die Seite, von der er stammt.</translation>
    </message>
    <message>
        <source>The model, as requests name it.</source>
        <translation>Das Modell, wie Anfragen es nennen.</translation>
    </message>
    <message>
        <source>The price of 1M prompt tokens.</source>
        <translation>Der Preis für 1 Mio. Prompt-Token.</translation>
    </message>
    <message>
        <source>The price of 1M completion tokens.</source>
        <translation>Der Preis für 1 Mio. Completion-Token.</translation>
    </message>
    <message>
        <source>The price of 1M prompt tokens read from the provider&apos;s cache (default: the input price).</source>
        <translation>Der Preis für 1 Mio. Prompt-Token aus dem Cache des Anbieters (Standard: der Eingabepreis).</translation>
    </message>
    <message>
        <source>The price of 1M reasoning tokens (default: the output price).</source>
        <translation>Der Preis für 1 Mio. Reasoning-Token (Standard: der Ausgabepreis).</translation>
    </message>
    <message>
        <source>The provider, as LiteLLM names it: openai, anthropic, mistral...</source>
        <translation>Der Anbieter, wie LiteLLM ihn nennt: openai, anthropic, mistral …</translation>
    </message>
    <message>
        <source>The page the price comes from.</source>
        <translation>Die Seite, von der der Preis stammt.</translation>
    </message>
    <message>
        <source>Import model prices from a LiteLLM price file.</source>
        <translation>Modellpreise aus einer LiteLLM-Preisdatei importieren.</translation>
    </message>
    <message>
        <source>Reads FILE in LiteLLM&apos;s model_prices_and_context_window.json format (an object: model name -&gt; prices per token) and adds its prices to the workspace&apos;s prices.json, replacing the prices of the models it names. --replace replaces the whole file instead. Entries without both input_cost_per_token and output_cost_per_token (image, audio or search models) are skipped and counted. LiteLLM&apos;s own file imports as it is.</source>
        <translation>Liest FILE im Format von LiteLLMs model_prices_and_context_window.json (ein Objekt: Modellname -&gt; Preise pro Token) und fügt seine Preise zu prices.json des Arbeitsbereichs hinzu, wobei die Preise der darin genannten Modelle ersetzt werden. --replace ersetzt stattdessen die ganze Datei. Einträge, denen input_cost_per_token oder output_cost_per_token fehlt (Bild-, Audio- oder Suchmodelle), werden übersprungen und gezählt. LiteLLMs eigene Datei lässt sich unverändert importieren.</translation>
    </message>
    <message>
        <source>Replace the workspace&apos;s prices instead of adding to them.</source>
        <translation>Die Preise des Arbeitsbereichs ersetzen, statt sie zu ergänzen.</translation>
    </message>
    <message>
        <source>Remove a model&apos;s price from the workspace.</source>
        <translation>Den Preis eines Modells aus dem Arbeitsbereich entfernen.</translation>
    </message>
    <message>
        <source>Removes the workspace&apos;s price of MODEL (its exact name, in any case), so that the shipped price applies again, if there is one. Shipped prices cannot be removed: set a price to override one.</source>
        <translation>Entfernt den Preis von MODEL aus dem Arbeitsbereich (sein genauer Name, Groß-/Kleinschreibung beliebig), sodass wieder der mitgelieferte Preis gilt, falls es einen gibt. Mitgelieferte Preise lassen sich nicht entfernen: Legen Sie einen Preis fest, um einen zu überschreiben.</translation>
    </message>
    <message>
        <source>The model whose workspace price to remove.</source>
        <translation>Das Modell, dessen Preis im Arbeitsbereich entfernt werden soll.</translation>
    </message>
    <message>
        <source>MODEL</source>
        <extracomment>Column headers of &quot;prices list&quot;, in capitals; the prices are in USD per 1M tokens.</extracomment>
        <translation>MODELL</translation>
    </message>
    <message>
        <source>PROVIDER</source>
        <translation>ANBIETER</translation>
    </message>
    <message>
        <source>INPUT USD/1M</source>
        <translation>EINGABE USD/1M</translation>
    </message>
    <message>
        <source>CACHED USD/1M</source>
        <translation>CACHE USD/1M</translation>
    </message>
    <message>
        <source>OUTPUT USD/1M</source>
        <translation>AUSGABE USD/1M</translation>
    </message>
    <message>
        <source>ORIGIN</source>
        <translation>HERKUNFT</translation>
    </message>
    <message>
        <source>SOURCE DATE</source>
        <translation>QUELLDATUM</translation>
    </message>
    <message>
        <source>no price for model &quot;%1&quot;, not even without its provider prefix or -suffixes (see gatehouse-ctl prices list; add one with prices set)</source>
        <translation>kein Preis für das Modell „%1“, auch nicht ohne Anbieterpräfix oder -Suffixe (siehe gatehouse-ctl prices list; einen hinzufügen mit prices set)</translation>
    </message>
    <message>
        <source>FIELD</source>
        <translation>FELD</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>WERT</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Input (USD/1M)</source>
        <extracomment>Rows of &quot;prices list --model&quot;: prices in USD per 1M tokens.</extracomment>
        <translation>Eingabe (USD/1M)</translation>
    </message>
    <message>
        <source>Cached input (USD/1M)</source>
        <translation>Eingabe aus dem Cache (USD/1M)</translation>
    </message>
    <message>
        <source>Cache write (USD/1M)</source>
        <translation>Cache-Schreiben (USD/1M)</translation>
    </message>
    <message>
        <source>Output (USD/1M)</source>
        <translation>Ausgabe (USD/1M)</translation>
    </message>
    <message>
        <source>Reasoning output (USD/1M)</source>
        <translation>Reasoning-Ausgabe (USD/1M)</translation>
    </message>
    <message>
        <source>Input above 128k (USD/1M)</source>
        <translation>Eingabe über 128k (USD/1M)</translation>
    </message>
    <message>
        <source>Output above 128k (USD/1M)</source>
        <translation>Ausgabe über 128k (USD/1M)</translation>
    </message>
    <message>
        <source>Input above 200k (USD/1M)</source>
        <translation>Eingabe über 200k (USD/1M)</translation>
    </message>
    <message>
        <source>Output above 200k (USD/1M)</source>
        <translation>Ausgabe über 200k (USD/1M)</translation>
    </message>
    <message>
        <source>Cached input above 200k (USD/1M)</source>
        <translation>Eingabe aus dem Cache über 200k (USD/1M)</translation>
    </message>
    <message>
        <source>Cache write above 200k (USD/1M)</source>
        <translation>Cache-Schreiben über 200k (USD/1M)</translation>
    </message>
    <message>
        <source>Max input tokens</source>
        <translation>Max. Eingabe-Token</translation>
    </message>
    <message>
        <source>Max output tokens</source>
        <translation>Max. Ausgabe-Token</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Source date</source>
        <translation>Quelldatum</translation>
    </message>
    <message>
        <source>sample_spec is LiteLLM&apos;s description of its format, not a model</source>
        <extracomment>sample_spec is the name of an entry in LiteLLM&apos;s price file: keep it as it is.</extracomment>
        <translation>sample_spec ist LiteLLMs Beschreibung seines Formats, kein Modell</translation>
    </message>
    <message>
        <source>%1: input %2, cached input %3, output %4 USD per 1M tokens (workspace price)</source>
        <extracomment>%1 is a model; %2, %3 and %4 are prices in USD per 1M tokens.</extracomment>
        <translation>%1: Eingabe %2, Eingabe aus dem Cache %3, Ausgabe %4 USD pro 1 Mio. Token (Preis des Arbeitsbereichs)</translation>
    </message>
    <message>
        <source>prices import needs the file to read (LiteLLM&apos;s price format)</source>
        <translation>prices import braucht die zu lesende Datei (im Preisformat von LiteLLM)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n models from %1.</source>
        <extracomment>%n is the number of models, %1 the file they were read from.</extracomment>
        <translation>
            <numerusform>%n Modell aus %1 importiert.</numerusform>
            <numerusform>%n Modelle aus %1 importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n entries without per-token prices (such as image or audio models).</source>
        <translation>
            <numerusform>%n Eintrag ohne Preise pro Token übersprungen (etwa Bild- oder Audiomodelle).</numerusform>
            <numerusform>%n Einträge ohne Preise pro Token übersprungen (etwa Bild- oder Audiomodelle).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has a shipped price, which cannot be removed; set a workspace price to override it</source>
        <translation>%1 hat einen mitgelieferten Preis, der sich nicht entfernen lässt; legen Sie einen Preis im Arbeitsbereich fest, um ihn zu überschreiben</translation>
    </message>
    <message>
        <source>the workspace has no price for %1 (see gatehouse-ctl prices list)</source>
        <translation>der Arbeitsbereich hat keinen Preis für %1 (siehe gatehouse-ctl prices list)</translation>
    </message>
    <message>
        <source>Removed the workspace price of %1; the shipped price applies again.</source>
        <translation>Preis von %1 aus dem Arbeitsbereich entfernt; der mitgelieferte Preis gilt wieder.</translation>
    </message>
    <message>
        <source>Removed the workspace price of %1.</source>
        <translation>Preis von %1 aus dem Arbeitsbereich entfernt.</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 holds more than %2 files: not an API project</source>
        <translation>%1 enthält mehr als %2 Dateien: kein API-Projekt</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes</source>
        <translation>%1 ist größer als %2 Byte</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: unsafe entry name %2</source>
        <translation>%1: unsicherer Eintragsname %2</translation>
    </message>
    <message>
        <source>%1 is not empty: export into a new or empty folder</source>
        <translation>%1 ist nicht leer: Exportieren Sie in einen neuen oder leeren Ordner</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>der Ordner für %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>PromptDecoration</name>
    <message>
        <source>is not JSON (from byte %1)</source>
        <translation>ist kein JSON (ab Byte %1)</translation>
    </message>
    <message>
        <source>must be {&quot;decoration&quot;: &quot;text&quot;} or {&quot;decoration&quot;: [{&quot;role&quot;: ..., &quot;content&quot;: ...}]}</source>
        <translation>muss {&quot;decoration&quot;: &quot;text&quot;} oder {&quot;decoration&quot;: [{&quot;role&quot;: ..., &quot;content&quot;: ...}]} sein</translation>
    </message>
    <message>
        <source>the decoration is longer than %1 bytes</source>
        <translation>die Dekoration ist länger als %1 Bytes</translation>
    </message>
    <message>
        <source>decoration is empty</source>
        <translation>decoration ist leer</translation>
    </message>
    <message>
        <source>decoration lists no message</source>
        <translation>decoration enthält keine Nachricht</translation>
    </message>
    <message>
        <source>decoration[%1] must be {&quot;role&quot;: ..., &quot;content&quot;: ...}</source>
        <translation>decoration[%1] muss {&quot;role&quot;: ..., &quot;content&quot;: ...} sein</translation>
    </message>
    <message>
        <source>decoration[%1].role is empty: give system, user or assistant</source>
        <translation>decoration[%1].role ist leer: geben Sie system, user oder assistant an</translation>
    </message>
</context>
<context>
    <name>PromptTemplates</name>
    <message>
        <source>is not JSON (from byte %1)</source>
        <translation>ist kein JSON (ab Byte %1)</translation>
    </message>
    <message>
        <source>must list at least one template: [{&quot;name&quot;: ..., &quot;prompt&quot;: ...}]</source>
        <translation>muss mindestens eine Vorlage enthalten: [{&quot;name&quot;: ..., &quot;prompt&quot;: ...}]</translation>
    </message>
    <message>
        <source>lists %1 templates; at most %2 are allowed</source>
        <translation>enthält %1 Vorlagen; höchstens %2 sind erlaubt</translation>
    </message>
    <message>
        <source>[%1] must be {&quot;name&quot;: ..., &quot;prompt&quot;: ...}</source>
        <translation>[%1] muss {&quot;name&quot;: ..., &quot;prompt&quot;: ...} sein</translation>
    </message>
    <message>
        <source>[%1].name &quot;%2&quot; must be letters, digits, &apos;_&apos; and &apos;-&apos;: template://%2?... could not reach it</source>
        <translation>[%1].name „%2“ darf nur Buchstaben, Ziffern, &apos;_&apos; und &apos;-&apos; enthalten: template://%2?... könnte sie nicht erreichen</translation>
    </message>
    <message>
        <source>[%1].name: &quot;%2&quot; is there twice</source>
        <translation>[%1].name: „%2“ kommt zweimal vor</translation>
    </message>
    <message>
        <source>[%1].prompt is empty</source>
        <translation>[%1].prompt ist leer</translation>
    </message>
    <message>
        <source>[%1].prompt is longer than %2 characters</source>
        <translation>[%1].prompt ist länger als %2 Zeichen</translation>
    </message>
</context>
<context>
    <name>Provider</name>
    <message>
        <source>must be payload, header, path or none (got &quot;%1&quot;)</source>
        <translation>muss payload, header, path oder none sein (angegeben: „%1“)</translation>
    </message>
    <message>
        <source>must be &quot;header&quot; or &quot;query&quot; (got &quot;%1&quot;)</source>
        <translation>muss „header“ oder „query“ sein (angegeben: „%1“)</translation>
    </message>
    <message>
        <source>must be &quot;always&quot;, &quot;whenAsked&quot; or &quot;never&quot; (got &quot;%1&quot;)</source>
        <translation>muss „always“, „whenAsked“ oder „never“ sein (angegeben: „%1“)</translation>
    </message>
</context>
<context>
    <name>ProviderCatalogue</name>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Anthropic&apos;s Claude models (api.anthropic.com).</source>
        <translation>Die Claude-Modelle von Anthropic (api.anthropic.com).</translation>
    </message>
    <message>
        <source>Azure OpenAI</source>
        <translation>Azure OpenAI</translation>
    </message>
    <message>
        <source>OpenAI models deployed in an Azure OpenAI resource.</source>
        <translation>OpenAI-Modelle, die in einer Ressource von Azure OpenAI bereitgestellt sind.</translation>
    </message>
    <message>
        <source>Demo (offline mock)</source>
        <translation>Demo (Offline-Mock)</translation>
    </message>
    <message>
        <source>Gatehouse&apos;s built-in mock LLM: answers like OpenAI with the model it was asked for, offline. Use it to learn and to test policies.</source>
        <translation>Das eingebaute Mock-LLM von Gatehouse: antwortet offline wie OpenAI mit dem angefragten Modell. Verwenden Sie es zum Lernen und zum Testen von Richtlinien.</translation>
    </message>
    <message>
        <source>Mistral AI</source>
        <translation>Mistral AI</translation>
    </message>
    <message>
        <source>Mistral AI&apos;s hosted models (api.mistral.ai).</source>
        <translation>Die gehosteten Modelle von Mistral AI (api.mistral.ai).</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>OpenAI-kompatibler Server</translation>
    </message>
    <message>
        <source>Any server that speaks OpenAI&apos;s API: a local vLLM, Ollama, llama.cpp or LocalAI. Give its base URL.</source>
        <translation>Jeder Server, der die API von OpenAI spricht: ein lokales vLLM, Ollama, llama.cpp oder LocalAI. Geben Sie seine Basis-URL an.</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>OpenAI&apos;s hosted models (api.openai.com).</source>
        <translation>Die gehosteten Modelle von OpenAI (api.openai.com).</translation>
    </message>
</context>
<context>
    <name>ProviderCommands</name>
    <message>
        <source>header %1</source>
        <extracomment>How &quot;provider show&quot; prints a value found in a header; %1 is the header&apos;s name.</extracomment>
        <translation>Header %1</translation>
    </message>
    <message>
        <source>path %1</source>
        <extracomment>How &quot;provider show&quot; prints a value found in the URL path; %1 is its identifier.</extracomment>
        <translation>Pfad %1</translation>
    </message>
    <message>
        <source>Add a custom AI provider from a JSON definition.</source>
        <translation>Einen benutzerdefinierten KI-Anbieter aus einer JSON-Definition hinzufügen.</translation>
    </message>
    <message>
        <source>Reads a provider definition (the JSON that &quot;provider export&quot; writes: id, displayName, auth, locations, models, operations), checks it and stores it in the workspace as providers/&lt;id&gt;.json. APIs can then be created from it. --replace overwrites a custom provider with the same id. Prints the provider&apos;s id (the provider as JSON with --json).</source>
        <translation>Liest eine Anbieter-Definition (das JSON, das &quot;provider export&quot; schreibt: id, displayName, auth, locations, models, operations), prüft sie und legt sie im Arbeitsbereich als providers/&lt;id&gt;.json ab. Danach können APIs daraus erstellt werden. --replace überschreibt einen benutzerdefinierten Anbieter mit derselben ID. Gibt die ID des Anbieters aus (mit --json den Anbieter als JSON).</translation>
    </message>
    <message>
        <source>The provider definition (JSON).</source>
        <translation>Die Anbieter-Definition (JSON).</translation>
    </message>
    <message>
        <source>Overwrite a custom provider with the same id.</source>
        <translation>Einen benutzerdefinierten Anbieter mit derselben ID überschreiben.</translation>
    </message>
    <message>
        <source>List the built-in and custom providers.</source>
        <translation>Die eingebauten und die benutzerdefinierten Anbieter auflisten.</translation>
    </message>
    <message>
        <source>Lists every provider an API can be created from: id, name, whether it is built in or the workspace&apos;s own, and its models.</source>
        <translation>Listet alle Anbieter auf, aus denen eine API erstellt werden kann: ID, Name, ob der Anbieter eingebaut ist oder zum Arbeitsbereich gehört, und seine Modelle.</translation>
    </message>
    <message>
        <source>Show a provider&apos;s definition.</source>
        <translation>Die Definition eines Anbieters anzeigen.</translation>
    </message>
    <message>
        <source>Shows how a provider authenticates, where it keeps the model and the token counts, and its models (its definition as JSON with --json).</source>
        <translation>Zeigt, wie sich ein Anbieter authentifiziert, wo er das Modell und die Token-Zahlen ablegt, und seine Modelle (mit --json seine Definition als JSON).</translation>
    </message>
    <message>
        <source>Write a provider&apos;s definition to a JSON file.</source>
        <translation>Die Definition eines Anbieters in eine JSON-Datei schreiben.</translation>
    </message>
    <message>
        <source>Writes the provider&apos;s definition to FILE, ready for &quot;provider create --file&quot; in another workspace. A definition holds no keys: those stay in the secret store.</source>
        <translation>Schreibt die Definition des Anbieters in FILE, bereit für &quot;provider create --file&quot; in einem anderen Arbeitsbereich. Eine Definition enthält keine Schlüssel: Diese bleiben im Geheimnisspeicher.</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>Die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>Delete a custom provider.</source>
        <translation>Einen benutzerdefinierten Anbieter löschen.</translation>
    </message>
    <message>
        <source>Deletes a custom provider from the workspace. Refused for built-in providers and while an API is created from it.</source>
        <translation>Löscht einen benutzerdefinierten Anbieter aus dem Arbeitsbereich. Wird für eingebaute Anbieter abgelehnt und solange es eine daraus erstellte API gibt.</translation>
    </message>
    <message>
        <source>no provider &quot;%1&quot; (providers: %2)</source>
        <translation>kein Anbieter „%1“ (Anbieter: %2)</translation>
    </message>
    <message>
        <source>(and 1 more error)</source>
        <translation>(und 1 weiterer Fehler)</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more errors)</source>
        <translation>
            <numerusform>(und %n weiterer Fehler)</numerusform>
            <numerusform>(und %n weitere Fehler)</numerusform>
        </translation>
    </message>
    <message>
        <source>a custom provider with id &quot;%1&quot; exists already (%2); pass --replace to overwrite it</source>
        <translation>es gibt bereits einen benutzerdefinierten Anbieter mit der ID „%1“ (%2); geben Sie --replace an, um ihn zu überschreiben</translation>
    </message>
    <message>
        <source>ID</source>
        <extracomment>Column headers of &quot;provider list&quot;, in capitals.</extracomment>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>MODELS</source>
        <translation>MODELLE</translation>
    </message>
    <message>
        <source>built-in</source>
        <extracomment>The KIND column of &quot;provider list&quot;.</extracomment>
        <translation>eingebaut</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>benutzerdefiniert</translation>
    </message>
    <message>
        <source>FIELD</source>
        <translation>FELD</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>WERT</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API-Version</translation>
    </message>
    <message>
        <source>Default base URL</source>
        <translation>Standard-Basis-URL</translation>
    </message>
    <message>
        <source>Auth</source>
        <extracomment>%1 is a header (or query parameter) name, %2 its value with the {key} placeholder.</extracomment>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(query parameter)</source>
        <translation>(Query-Parameter)</translation>
    </message>
    <message>
        <source>(key optional)</source>
        <translation>(Schlüssel optional)</translation>
    </message>
    <message>
        <source>Request model</source>
        <translation>Modell (Anfrage)</translation>
    </message>
    <message>
        <source>Response model</source>
        <translation>Modell (Antwort)</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>Prompt-Token</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>Completion-Token</translation>
    </message>
    <message>
        <source>Total tokens</source>
        <translation>Token gesamt</translation>
    </message>
    <message>
        <source>Remaining tokens</source>
        <translation>Verbleibende Token</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <extracomment>%1 is a provider&apos;s name, %2 a file.</extracomment>
        <translation>%1 nach %2 exportiert</translation>
    </message>
    <message>
        <source>Deleted provider %1 (%2)</source>
        <translation>Anbieter %1 (%2) gelöscht</translation>
    </message>
</context>
<context>
    <name>ProviderRegistry</name>
    <message>
        <source>provider id &quot;%1&quot; belongs to a built-in provider</source>
        <translation>die Anbieter-ID „%1“ gehört zu einem eingebauten Anbieter</translation>
    </message>
    <message>
        <source>%1 is a built-in provider and cannot be deleted</source>
        <translation>%1 ist ein eingebauter Anbieter und kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>no provider with id &quot;%1&quot;</source>
        <translation>kein Anbieter mit der ID „%1“</translation>
    </message>
</context>
<context>
    <name>ProviderValidator</name>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must be at most %1 characters long</source>
        <translation>darf höchstens %1 Zeichen lang sein</translation>
    </message>
    <message>
        <source>may contain only lowercase letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, and must start and end with a letter or digit</source>
        <translation>darf nur Kleinbuchstaben, Ziffern, &apos;-&apos;, &apos;_&apos; und &apos;.&apos; enthalten und muss mit einem Buchstaben oder einer Ziffer beginnen und enden</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid HTTP header name (letters, digits and !#$%&amp;&apos;*+-.^_`|~ only; no spaces or colons)</source>
        <translation>„%1“ ist kein gültiger HTTP-Header-Name (nur Buchstaben, Ziffern und !#$%&amp;&apos;*+-.^_`|~; keine Leerzeichen oder Doppelpunkte)</translation>
    </message>
    <message>
        <source>is required when a key is required; write {key} for the bare key</source>
        <translation>ist erforderlich, wenn ein Schlüssel erforderlich ist; schreiben Sie {key} für den reinen Schlüssel</translation>
    </message>
    <message>
        <source>must contain {key} where the key goes (for example &quot;Bearer {key}&quot;)</source>
        <translation>muss {key} an der Stelle enthalten, an die der Schlüssel gehört (zum Beispiel „Bearer {key}“)</translation>
    </message>
    <message>
        <source>must contain {key} only once</source>
        <translation>darf {key} nur einmal enthalten</translation>
    </message>
    <message>
        <source>must not contain line breaks</source>
        <translation>darf keine Zeilenumbrüche enthalten</translation>
    </message>
    <message>
        <source>is required (a JSONPath such as $.usage.total_tokens)</source>
        <translation>ist erforderlich (ein JSONPath wie $.usage.total_tokens)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a JSONPath: it must start with $ (for example $.model)</source>
        <translation>„%1“ ist kein JSONPath: Er muss mit $ beginnen (zum Beispiel $.model)</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: wildcards and recursive descent (*, ..) do not name one value</source>
        <translation>„%1“: Wildcards und rekursiver Abstieg (*, ..) bezeichnen keinen einzelnen Wert</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a member name is missing after the &apos;.&apos; at position %2</source>
        <extracomment>%2 is a 1-based character position.</extracomment>
        <translation>„%1“: Nach dem &apos;.&apos; an Position %2 fehlt ein Elementname</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the quoted name at position %2 is not closed</source>
        <translation>„%1“: Der Name in Anführungszeichen an Position %2 ist nicht geschlossen</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the quoted name at position %2 is empty</source>
        <translation>„%1“: Der Name in Anführungszeichen an Position %2 ist leer</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: &apos;[&apos; at position %2 must hold an index such as [0] or a quoted name such as [&apos;model&apos;]</source>
        <translation>„%1“: &apos;[&apos; an Position %2 muss einen Index wie [0] oder einen Namen in Anführungszeichen wie [&apos;model&apos;] enthalten</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: &apos;]&apos; expected at position %2</source>
        <translation>„%1“: &apos;]&apos; an Position %2 erwartet</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: unexpected &apos;%2&apos; at position %3</source>
        <translation>„%1“: unerwartetes &apos;%2&apos; an Position %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names the whole document; name a member, such as $.model</source>
        <translation>„%1“ bezeichnet das ganze Dokument; geben Sie ein Element an, etwa $.model</translation>
    </message>
    <message>
        <source>must not contain a user name or password; the key goes in the auth header</source>
        <translation>darf keinen Benutzernamen und kein Passwort enthalten; der Schlüssel gehört in den Auth-Header</translation>
    </message>
    <message>
        <source>is required: payload or header</source>
        <translation>ist erforderlich: payload oder header</translation>
    </message>
    <message>
        <source>must be payload or header (got path)</source>
        <translation>muss payload oder header sein (angegeben: path)</translation>
    </message>
    <message>
        <source>the gateway reads only dotted member names ($.a.b); it will not find a value behind an index or a quoted name</source>
        <translation>das Gateway liest nur durch Punkte getrennte Elementnamen ($.a.b); einen Wert hinter einem Index oder einem Namen in Anführungszeichen findet es nicht</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the id of the built-in provider %2; choose another</source>
        <translation>„%1“ ist die ID des eingebauten Anbieters %2; wählen Sie eine andere</translation>
    </message>
    <message>
        <source>only the built-in Demo provider is served by Gatehouse&apos;s mock</source>
        <translation>nur der eingebaute Demo-Anbieter wird vom Mock von Gatehouse bedient</translation>
    </message>
    <message>
        <source>at least one model is required</source>
        <translation>mindestens ein Modell ist erforderlich</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has leading or trailing spaces</source>
        <translation>„%1“ hat Leerzeichen am Anfang oder Ende</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice (also models[%2])</source>
        <translation>„%1“ ist doppelt aufgeführt (auch models[%2])</translation>
    </message>
    <message>
        <source>is empty: APIs created from this provider start without resources</source>
        <translation>ist leer: Aus diesem Anbieter erstellte APIs haben anfangs keine Ressourcen</translation>
    </message>
</context>
<context>
    <name>RedisAddress</name>
    <message>
        <source>the Redis address must not hold a password (it would be stored in plain text): give the address without it and the password to the secret store</source>
        <translation>die Redis-Adresse darf kein Passwort enthalten (es würde im Klartext gespeichert): Geben Sie die Adresse ohne Passwort an und das Passwort dem Geheimnisspeicher</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Redis address: write redis://host:port/db or unix:///path/to/redis.sock</source>
        <translation>„%1“ ist keine Redis-Adresse: Schreiben Sie redis://host:port/db oder unix:///pfad/zu/redis.sock</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a Unix socket address needs an absolute path, such as unix:///run/redis/redis-server.sock</source>
        <translation>„%1“: Eine Unix-Socket-Adresse braucht einen absoluten Pfad, etwa unix:///run/redis/redis-server.sock</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: db must be a database number from 0 to %2</source>
        <translation>„%1“: db muss eine Datenbanknummer von 0 bis %2 sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the Redis address names no host</source>
        <translation>„%1“: Die Redis-Adresse nennt keinen Host</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the port must be from 1 to 65535</source>
        <translation>„%1“: Der Port muss zwischen 1 und 65535 liegen</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the path must be a database number from 0 to %2</source>
        <translation>„%1“: Der Pfad muss eine Datenbanknummer von 0 bis %2 sein</translation>
    </message>
</context>
<context>
    <name>SemanticRoutingConfig</name>
    <message>
        <source>is not JSON (from byte %1)</source>
        <translation>ist kein JSON (ab Byte %1)</translation>
    </message>
    <message>
        <source>must be {&quot;production&quot;: ..., &quot;sandbox&quot;: ..., &quot;path&quot;: {&quot;contentpath&quot;: ...}}</source>
        <translation>muss {&quot;production&quot;: ..., &quot;sandbox&quot;: ..., &quot;path&quot;: {&quot;contentpath&quot;: ...}} sein</translation>
    </message>
    <message>
        <source>must configure the production or the sandbox stage</source>
        <translation>muss die Produktions- oder die Sandbox-Stufe konfigurieren</translation>
    </message>
    <message>
        <source>path.contentpath: %1</source>
        <translation>path.contentpath: %1</translation>
    </message>
    <message>
        <source>path must be {&quot;contentpath&quot;: &quot;$.messages[-1].content&quot;}</source>
        <translation>path muss {&quot;contentpath&quot;: &quot;$.messages[-1].content&quot;} sein</translation>
    </message>
    <message>
        <source>%1 must be {&quot;model&quot;: ..., &quot;endpointId&quot;: ...}</source>
        <translation>%1 muss {&quot;model&quot;: ..., &quot;endpointId&quot;: ...} sein</translation>
    </message>
    <message>
        <source>%1.model is required</source>
        <translation>%1.model ist erforderlich</translation>
    </message>
    <message>
        <source>%1.endpointId is required</source>
        <translation>%1.endpointId ist erforderlich</translation>
    </message>
    <message>
        <source>%1 must be {&quot;defaultModel&quot;: ..., &quot;routes&quot;: [...]}</source>
        <translation>%1 muss {&quot;defaultModel&quot;: ..., &quot;routes&quot;: [...]} sein</translation>
    </message>
    <message>
        <source>%1.routes must be a list</source>
        <translation>%1.routes muss eine Liste sein</translation>
    </message>
    <message>
        <source>%1.routes lists %2 routes; at most %3 are allowed</source>
        <translation>%1.routes nennt %2 Routen; höchstens %3 sind erlaubt</translation>
    </message>
    <message>
        <source>%1 needs a model and an endpointId</source>
        <translation>%1 braucht ein model und eine endpointId</translation>
    </message>
    <message>
        <source>%1.utterances must list at least one phrase</source>
        <translation>%1.utterances muss mindestens eine Formulierung nennen</translation>
    </message>
    <message>
        <source>%1.utterances lists %2 phrases; at most %3 are allowed</source>
        <translation>%1.utterances nennt %2 Formulierungen; höchstens %3 sind erlaubt</translation>
    </message>
    <message>
        <source>%1.utterances[%2] must be a phrase of 1 to %3 characters</source>
        <translation>%1.utterances[%2] muss eine Formulierung von 1 bis %3 Zeichen sein</translation>
    </message>
    <message>
        <source>%1.scorethreshold must be a number from 0 to 1, such as &quot;0.85&quot;</source>
        <translation>%1.scorethreshold muss eine Zahl von 0 bis 1 sein, etwa „0.85“</translation>
    </message>
    <message>
        <source>%1.defaultModel is required: it takes the requests no route matches</source>
        <translation>%1.defaultModel ist erforderlich: es nimmt die Anfragen, zu denen keine Route passt</translation>
    </message>
</context>
<context>
    <name>SemanticRules</name>
    <message>
        <source>%1 must be a list of prompts</source>
        <translation>%1 muss eine Liste von Prompts sein</translation>
    </message>
    <message>
        <source>%1 lists %2 prompts; at most %3 are allowed</source>
        <translation>%1 nennt %2 Prompts; höchstens %3 sind erlaubt</translation>
    </message>
    <message>
        <source>%1[%2] must be a prompt (a non-empty string)</source>
        <translation>%1[%2] muss ein Prompt sein (ein nicht leerer Text)</translation>
    </message>
    <message>
        <source>%1[%2] is longer than %3 characters</source>
        <translation>%1[%2] ist länger als %3 Zeichen</translation>
    </message>
    <message>
        <source>is not JSON (from byte %1)</source>
        <translation>ist kein JSON (ab Byte %1)</translation>
    </message>
    <message>
        <source>must be {&quot;allowPrompts&quot;: [...], &quot;denyPrompts&quot;: [...]}</source>
        <translation>muss {&quot;allowPrompts&quot;: [...], &quot;denyPrompts&quot;: [...]} sein</translation>
    </message>
    <message>
        <source>has an unknown member %1 (allowPrompts and denyPrompts are known)</source>
        <translation>hat ein unbekanntes Element %1 (bekannt sind allowPrompts und denyPrompts)</translation>
    </message>
    <message>
        <source>must list at least one prompt in allowPrompts or denyPrompts</source>
        <translation>muss mindestens einen Prompt in allowPrompts oder denyPrompts nennen</translation>
    </message>
</context>
<context>
    <name>SharedStateSettings</name>
    <message>
        <source>must be &quot;local&quot; or &quot;redis&quot; (got &quot;%1&quot;)</source>
        <translation>muss „local“ oder „redis“ sein (angegeben: „%1“)</translation>
    </message>
    <message>
        <source>must be at most 64 printable ASCII characters without spaces</source>
        <translation>darf höchstens 64 druckbare ASCII-Zeichen ohne Leerzeichen haben</translation>
    </message>
    <message>
        <source>must be &quot;open&quot; or &quot;closed&quot; (got &quot;%1&quot;)</source>
        <translation>muss „open“ oder „closed“ sein (angegeben: „%1“)</translation>
    </message>
    <message>
        <source>must be at most %1 ms: a slower Redis stalls every request</source>
        <translation>darf höchstens %1 ms betragen: ein langsameres Redis hält jede Anfrage auf</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
</context>
<context>
    <name>TokenCommand</name>
    <message>
        <source>Get an access token from the gateway (client credentials grant).</source>
        <translation>Ein Zugriffstoken vom Gateway abrufen (Client-Credentials-Grant).</translation>
    </message>
    <message>
        <source>Asks the gateway&apos;s key manager for an access token: POST URL/oauth2/token with the application&apos;s consumer key and secret (HTTP Basic) and grant_type=client_credentials. Prints only the token, so that TOKEN=$(gatehouse-ctl ... token ...) works; with --json, the gateway&apos;s whole answer. Gives up after 30 s.</source>
        <extracomment>Keep the option names, grant_type=client_credentials and the shell example.</extracomment>
        <translation>Fordert beim Key Manager des Gateways ein Zugriffstoken an: POST URL/oauth2/token mit Consumer-Schlüssel und -Geheimnis der Anwendung (HTTP Basic) und grant_type=client_credentials. Gibt nur das Token aus, sodass TOKEN=$(gatehouse-ctl ... token ...) funktioniert; mit --json die vollständige Antwort des Gateways. Bricht nach 30 s ab.</translation>
    </message>
    <message>
        <source>Ask for a token valid this long (validity_period).</source>
        <translation>Ein Token mit dieser Gültigkeitsdauer anfordern (validity_period).</translation>
    </message>
    <message>
        <source>HTTP %1 without a body</source>
        <translation>HTTP %1 ohne Body</translation>
    </message>
    <message>
        <source>--gateway must be an http:// or https:// URL such as http://127.0.0.1:8280 (got &quot;%1&quot;)</source>
        <translation>--gateway muss eine http://- oder https://-URL sein, etwa http://127.0.0.1:8280 (angegeben: „%1“)</translation>
    </message>
    <message>
        <source>%1 has no %2 keys; generate them with gatehouse-ctl keys generate --app %1 --type %2</source>
        <extracomment>%2 is the key type: production or sandbox.</extracomment>
        <translation>%1 hat keine %2-Schlüssel; erzeugen Sie sie mit gatehouse-ctl keys generate --app %1 --type %2</translation>
    </message>
    <message>
        <source>cannot get a token from %1: %2</source>
        <translation>von %1 kann kein Token abgerufen werden: %2</translation>
    </message>
    <message>
        <source>the gateway refused the token request (HTTP %1): %2</source>
        <translation>das Gateway hat die Token-Anfrage abgelehnt (HTTP %1): %2</translation>
    </message>
    <message>
        <source>the answer of %1 is not JSON</source>
        <translation>die Antwort von %1 ist kein JSON</translation>
    </message>
    <message>
        <source>the answer of %1 has no access_token</source>
        <translation>die Antwort von %1 enthält kein access_token</translation>
    </message>
</context>
<context>
    <name>UsageCommands</name>
    <message>
        <source>Sum tokens, cost, requests and errors from the gateway&apos;s access logs.</source>
        <translation>Tokens, Kosten, Anfragen und Fehler aus den Zugriffsprotokollen des Gateways summieren.</translation>
    </message>
    <message>
        <source>Start of the range: 30m, 24h, 7d, 2w back from now, or an ISO 8601 time (default: 24h).</source>
        <translation>Beginn des Zeitraums: 30m, 24h, 7d, 2w zurück ab jetzt oder eine Zeit nach ISO 8601 (Standard: 24h).</translation>
    </message>
    <message>
        <source>End of the range, not included: the same forms (default: now).</source>
        <translation>Ende des Zeitraums, nicht eingeschlossen: dieselben Formen (Standard: now).</translation>
    </message>
    <message>
        <source>Group by any of api, app and model, comma-separated (default: no groups, one row per bucket).</source>
        <translation>Nach beliebigen von api, app und model gruppieren, durch Kommas getrennt (Standard: keine Gruppen, eine Zeile je Zeitabschnitt).</translation>
    </message>
    <message>
        <source>Cut the range into UTC minutes, hours or days: none, minute, hour or day (default: none).</source>
        <translation>Den Zeitraum in UTC-Minuten, -Stunden oder -Tage teilen: none, minute, hour oder day (Standard: none).</translation>
    </message>
    <message>
        <source>%1 must be a time back from now such as 30m, 24h or 7d, or an ISO 8601 time such as 2026-12-07T05:00:00Z (got &quot;%2&quot;)</source>
        <extracomment>%1 is --since or --until, %2 what was typed. Keep 30m, 24h, 7d and the example time.</extracomment>
        <translation>%1 muss eine Zeit zurück ab jetzt wie 30m, 24h oder 7d sein oder eine Zeit nach ISO 8601 wie 2026-12-07T05:00:00Z (angegeben: „%2“)</translation>
    </message>
    <message>
        <source>--since must be before --until</source>
        <translation>--since muss vor --until liegen</translation>
    </message>
    <message>
        <source>--group-by: unknown dimension &quot;%1&quot; (use api, app, model)</source>
        <extracomment>%1 is what was typed; keep api, app and model in English.</extracomment>
        <translation>--group-by: unbekannte Dimension „%1“ (möglich: api, app, model)</translation>
    </message>
    <message>
        <source>--bucket must be none, minute, hour or day (got &quot;%1&quot;)</source>
        <extracomment>%1 is what was typed; keep none, minute, hour and day in English.</extracomment>
        <translation>--bucket muss none, minute, hour oder day sein (angegeben: „%1“)</translation>
    </message>
    <message>
        <source>Usage from %1 to %2 UTC:</source>
        <extracomment>%1 and %2 are UTC times such as 2026-12-07 05:00.</extracomment>
        <translation>Nutzung von %1 bis %2 UTC:</translation>
    </message>
    <message>
        <source>(no calls)</source>
        <translation>(keine Aufrufe)</translation>
    </message>
    <message>
        <source>TIME (UTC)</source>
        <extracomment>Column headers of &quot;usage&quot;, in capitals.</extracomment>
        <translation>ZEIT (UTC)</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>APP</source>
        <translation>ANWENDUNG</translation>
    </message>
    <message>
        <source>MODEL</source>
        <translation>MODELL</translation>
    </message>
    <message>
        <source>REQUESTS</source>
        <translation>ANFRAGEN</translation>
    </message>
    <message>
        <source>ERRORS</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>PROMPT</source>
        <translation>PROMPT</translation>
    </message>
    <message>
        <source>COMPLETION</source>
        <translation>COMPLETION</translation>
    </message>
    <message>
        <source>CACHED</source>
        <translation>CACHE</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>GESAMT</translation>
    </message>
    <message>
        <source>COST USD</source>
        <translation>KOSTEN USD</translation>
    </message>
    <message>
        <source>Total</source>
        <extracomment>The label of the last line of the usage table, the sums of all rows.</extracomment>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Estimated cost (the upstream reported no usage): %1 calls</source>
        <extracomment>%1 is a number of calls.</extracomment>
        <translation>Geschätzte Kosten (der Upstream meldete keine Nutzung): %1 Aufrufe</translation>
    </message>
    <message>
        <source>No cost calculated (no price for the model): %1 calls</source>
        <extracomment>%1 is a number of calls.</extracomment>
        <translation>Keine Kosten berechnet (kein Preis für das Modell): %1 Aufrufe</translation>
    </message>
    <message>
        <source>Sums the access logs of the workspace&apos;s gateway (&lt;workspace&gt;/logs) over a time range: requests, errors, prompt, completion, cached and total tokens, and cost in USD, per group and time bucket, the largest cost first. --since and --until take a time back from now (30m, 24h, 7d, 2w), &quot;now&quot;, or an ISO 8601 date or time (2026-12-07, 2026-12-07T05:00:00Z; UTC unless it names an offset); the range is read in whole minutes. --group-by takes any of api, app and model, comma-separated; --bucket cuts the range into UTC minutes, hours or days. Each log gets an index next to it (access-YYYYMMDD.jsonl.idx), so later runs read only what was appended. With --json: {&quot;since&quot;, &quot;until&quot;, &quot;bucket&quot;, &quot;groupBy&quot;, &quot;rows&quot;: [{&quot;start&quot; (with a bucket), &quot;api&quot; and &quot;apiId&quot;, &quot;app&quot; and &quot;appId&quot;, &quot;model&quot; (those grouped by), &quot;requests&quot;, &quot;errors&quot;, &quot;promptTokens&quot;, &quot;completionTokens&quot;, &quot;cachedTokens&quot;, &quot;reasoningTokens&quot;, &quot;totalTokens&quot;, &quot;costUsd&quot;, &quot;cachedShare&quot;, &quot;estimatedCosts&quot;, &quot;estimatedUsage&quot;, &quot;notCalculatedCosts&quot;, &quot;interventions&quot;, &quot;cacheHits&quot;, &quot;savedTokens&quot;, &quot;savedCostUsd&quot;}], &quot;totals&quot;: {the same counts}}.</source>
        <extracomment>Keep the option values (30m, 24h, 7d, api, app, model, none, minute, hour, day) and the JSON member names in English.</extracomment>
        <translation>Summiert die Zugriffsprotokolle des Gateways des Arbeitsbereichs (&lt;workspace&gt;/logs) über einen Zeitraum: Anfragen, Fehler, Prompt-, Completion-, Cache- und Gesamt-Tokens sowie Kosten in USD, je Gruppe und Zeitabschnitt, die höchsten Kosten zuerst. --since und --until nehmen eine Zeit zurück ab jetzt (30m, 24h, 7d, 2w), &quot;now&quot; oder ein Datum oder eine Zeit nach ISO 8601 (2026-12-07, 2026-12-07T05:00:00Z; UTC, wenn kein Versatz angegeben ist); der Zeitraum wird in ganzen Minuten gelesen. --group-by nimmt beliebige von api, app und model, durch Kommas getrennt; --bucket teilt den Zeitraum in UTC-Minuten, -Stunden oder -Tage. Jedes Protokoll erhält daneben einen Index (access-YYYYMMDD.jsonl.idx), sodass spätere Aufrufe nur lesen, was hinzugekommen ist. Mit --json: {&quot;since&quot;, &quot;until&quot;, &quot;bucket&quot;, &quot;groupBy&quot;, &quot;rows&quot;: [{&quot;start&quot; (mit Zeitabschnitt), &quot;api&quot; und &quot;apiId&quot;, &quot;app&quot; und &quot;appId&quot;, &quot;model&quot; (die gruppierten), &quot;requests&quot;, &quot;errors&quot;, &quot;promptTokens&quot;, &quot;completionTokens&quot;, &quot;cachedTokens&quot;, &quot;reasoningTokens&quot;, &quot;totalTokens&quot;, &quot;costUsd&quot;, &quot;cachedShare&quot;, &quot;estimatedCosts&quot;, &quot;estimatedUsage&quot;, &quot;notCalculatedCosts&quot;, &quot;interventions&quot;, &quot;cacheHits&quot;, &quot;savedTokens&quot;, &quot;savedCostUsd&quot;}], &quot;totals&quot;: {dieselben Zahlen}}.</translation>
    </message>
</context>
<context>
    <name>UsageQuery</name>
    <message>
        <source>cannot save the usage index %1: %2 (the next query reads the log again)</source>
        <extracomment>%1 is the index file, %2 the system&apos;s reason.</extracomment>
        <translation>der Nutzungsindex %1 kann nicht gespeichert werden: %2 (die nächste Abfrage liest das Protokoll erneut)</translation>
    </message>
</context>
<context>
    <name>ValidationIssue</name>
    <message>
        <source>warning: %1</source>
        <extracomment>A validation finding that does not stop saving; %1 is &quot;&lt;path&gt;: &lt;message&gt;&quot;.</extracomment>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>WorkspaceFiles</name>
    <message>
        <source>%1: expected a JSON object at the top level</source>
        <translation>%1: Auf oberster Ebene wird ein JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>%1: $.schemaVersion: is required</source>
        <translation>%1: $.schemaVersion: ist erforderlich</translation>
    </message>
    <message>
        <source>%1: $.schemaVersion: expected an integer</source>
        <translation>%1: $.schemaVersion: muss eine Ganzzahl sein</translation>
    </message>
    <message>
        <source>%1: written by a newer Gatehouse (schema version %2; this one reads up to %3)</source>
        <translation>%1: von einer neueren Gatehouse-Version geschrieben (Schemaversion %2; diese Version liest bis %3)</translation>
    </message>
    <message>
        <source>%1: $.schemaVersion: must be at least 1</source>
        <translation>%1: $.schemaVersion: muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 was deleted by another program since it was loaded; reload the workspace</source>
        <translation>%1 wurde seit dem Laden von einem anderen Programm gelöscht; laden Sie den Arbeitsbereich neu</translation>
    </message>
    <message>
        <source>%1 was changed by another program since it was loaded; reload the workspace (nothing was overwritten)</source>
        <translation>%1 wurde seit dem Laden von einem anderen Programm geändert; laden Sie den Arbeitsbereich neu (es wurde nichts überschrieben)</translation>
    </message>
    <message>
        <source>%1 could not be read; repair or remove it before saving over it</source>
        <translation>%1 konnte nicht gelesen werden; reparieren oder entfernen Sie die Datei, bevor Sie darüber speichern</translation>
    </message>
    <message>
        <source>%1: cannot delete: %2</source>
        <translation>%1: kann nicht gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>WorkspaceSettings</name>
    <message>
        <source>must be a port number from 0 to 65535</source>
        <translation>muss eine Portnummer von 0 bis 65535 sein</translation>
    </message>
    <message>
        <source>must be an http:// or https:// URL</source>
        <translation>muss eine http://- oder https://-URL sein</translation>
    </message>
</context>
<context>
    <name>Wso2AttributeCodec</name>
    <message>
        <source>column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
</context>
<context>
    <name>Wso2Project</name>
    <message>
        <source>no API with id &quot;%1&quot;</source>
        <translation>keine API mit der ID „%1“</translation>
    </message>
    <message>
        <source>no destination given</source>
        <translation>kein Ziel angegeben</translation>
    </message>
    <message>
        <source>%1 %2 already exists in this workspace (id %3); delete it or import another version</source>
        <translation>%1 %2 existiert bereits in diesem Arbeitsbereich (ID %3); löschen Sie die API oder importieren Sie eine andere Version</translation>
    </message>
    <message>
        <source>the imported API would be invalid: %1: %2</source>
        <translation>die importierte API wäre ungültig: %1: %2</translation>
    </message>
</context>
<context>
    <name>Wso2ProjectReader</name>
    <message>
        <source>%1 has no api.yaml: not a WSO2 API project</source>
        <translation>%1 enthält keine api.yaml: kein WSO2-API-Projekt</translation>
    </message>
    <message>
        <source>%1: a project of type &quot;%2&quot;, not an API</source>
        <translation>%1: ein Projekt vom Typ „%2“, keine API</translation>
    </message>
    <message>
        <source>%1: no &quot;data&quot; section</source>
        <translation>%1: kein Abschnitt „data“</translation>
    </message>
    <message>
        <source>%1: data.name and data.version are required</source>
        <translation>%1: data.name und data.version sind erforderlich</translation>
    </message>
    <message>
        <source>data.lifeCycleStatus: unknown state &quot;%1&quot;; the API starts as CREATED</source>
        <translation>data.lifeCycleStatus: unbekannter Status „%1“; die API beginnt als CREATED</translation>
    </message>
    <message>
        <source>data.mediationPolicies: WSO2 mediation sequences are not supported; left out</source>
        <translation>data.mediationPolicies: WSO2-Mediationssequenzen werden nicht unterstützt; weggelassen</translation>
    </message>
    <message>
        <source>data.apiThrottlingPolicy: API-level rate limit &quot;%1&quot; is not supported; left out</source>
        <translation>data.apiThrottlingPolicy: Ratenbegrenzung „%1“ auf API-Ebene wird nicht unterstützt; weggelassen</translation>
    </message>
    <message>
        <source>endpoints[%1]: the project carries no API key; set it with gatehouse-ctl endpoint set-key or in the Publisher</source>
        <translation>endpoints[%1]: Das Projekt enthält keinen API-Schlüssel; setzen Sie ihn mit gatehouse-ctl endpoint set-key oder im Publisher</translation>
    </message>
    <message>
        <source>%1: data.subtypeConfiguration: %2</source>
        <translation>%1: data.subtypeConfiguration: %2</translation>
    </message>
    <message>
        <source>%1: unknown AI provider &quot;%2&quot; (Gatehouse has: %3)</source>
        <translation>%1: unbekannter KI-Anbieter „%2“ (Gatehouse kennt: %3)</translation>
    </message>
    <message>
        <source>llmProviderApiVersion %1: Gatehouse&apos;s %2 provider speaks version %3</source>
        <translation>llmProviderApiVersion %1: Der Anbieter %2 von Gatehouse spricht Version %3</translation>
    </message>
    <message>
        <source>%1.%2: %3 URLs; only the first is imported</source>
        <translation>%1.%2: %3 URLs; nur die erste wird importiert</translation>
    </message>
    <message>
        <source>%1.endpoint_type: &quot;%2&quot; endpoints are imported as plain HTTP</source>
        <translation>%1.endpoint_type: Endpunkte vom Typ „%2“ werden als einfache HTTP-Endpunkte importiert</translation>
    </message>
    <message>
        <source>%1: no id or deploymentStage; left out</source>
        <translation>%1: id oder deploymentStage fehlt; weggelassen</translation>
    </message>
    <message>
        <source>%1: no URL for its stage; left out</source>
        <translation>%1: keine URL für seine Umgebung; weggelassen</translation>
    </message>
    <message>
        <source>endpoints.yaml: endpoint id %1 appears twice; the second is left out</source>
        <translation>endpoints.yaml: Die Endpunkt-ID %1 kommt doppelt vor; die zweite wird weggelassen</translation>
    </message>
    <message>
        <source>data.operations[%1]: no verb or target; left out</source>
        <translation>data.operations[%1]: verb oder target fehlt; weggelassen</translation>
    </message>
    <message>
        <source>%1: appears twice; the second is left out</source>
        <translation>%1: kommt doppelt vor; die zweite wird weggelassen</translation>
    </message>
    <message>
        <source>%1: resource rate limit &quot;%2&quot; is not supported; left out</source>
        <translation>%1: Ressourcen-Ratenbegrenzung „%2“ wird nicht unterstützt; weggelassen</translation>
    </message>
    <message>
        <source>%1: security disabled in WSO2 (authType None); Gatehouse always requires a token</source>
        <translation>%1: Sicherheit in WSO2 deaktiviert (authType None); Gatehouse verlangt immer ein Token</translation>
    </message>
    <message>
        <source>%1: OAuth scopes are not supported; left out</source>
        <translation>%1: OAuth-Scopes werden nicht unterstützt; weggelassen</translation>
    </message>
    <message>
        <source>%1: policy &quot;%2&quot; is not in Gatehouse&apos;s catalogue; left out</source>
        <translation>%1: Die Richtlinie „%2“ ist nicht im Katalog von Gatehouse; weggelassen</translation>
    </message>
    <message>
        <source>%1: %2 cannot sit in the %3 flow in Gatehouse; left out</source>
        <translation>%1: %2 kann in Gatehouse nicht im Ablauf „%3“ stehen; weggelassen</translation>
    </message>
    <message>
        <source>%1: %2 has no parameter &quot;%3&quot; in Gatehouse; left out</source>
        <translation>%1: %2 hat in Gatehouse keinen Parameter „%3“; weggelassen</translation>
    </message>
    <message>
        <source>%1: cannot read the configuration (%2); the policy is left out</source>
        <translation>%1: Die Konfiguration kann nicht gelesen werden (%2); die Richtlinie wird weggelassen</translation>
    </message>
    <message>
        <source>business plan &quot;%1&quot; does not exist in this workspace; subscriptions cannot use it</source>
        <translation>der Tarif „%1“ existiert in diesem Arbeitsbereich nicht; Abonnements können ihn nicht verwenden</translation>
    </message>
</context>
<context>
    <name>Wso2ProjectWriter</name>
    <message>
        <source>endpoints[%1].connectTimeoutMs: Gatehouse-only setting left out (WSO2 has no connect timeout per endpoint)</source>
        <translation>endpoints[%1].connectTimeoutMs: Nur in Gatehouse vorhandene Einstellung weggelassen (WSO2 hat kein Verbindungs-Timeout pro Endpunkt)</translation>
    </message>
    <message>
        <source>provider %1 is a Gatehouse custom provider: define it in WSO2 as a custom AI service provider named &quot;%1&quot; before importing</source>
        <translation>der Anbieter %1 ist ein benutzerdefinierter Gatehouse-Anbieter: Definieren Sie ihn vor dem Import in WSO2 als benutzerdefinierten KI-Dienstanbieter namens „%1“</translation>
    </message>
    <message>
        <source>%1: Gatehouse-only setting left out (WSO2 has no equivalent)</source>
        <translation>%1: Nur in Gatehouse vorhandene Einstellung weggelassen (WSO2 hat keine Entsprechung)</translation>
    </message>
    <message>
        <source>%1: %2 is Gatehouse&apos;s own policy, left out (WSO2 has no equivalent)</source>
        <translation>%1: %2 ist eine eigene Richtlinie von Gatehouse und wurde weggelassen (WSO2 hat keine Entsprechung)</translation>
    </message>
</context>
<context>
    <name>YamlDocument</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the document is larger than %2 MiB</source>
        <translation>%1: Das Dokument ist größer als %2 MiB</translation>
    </message>
    <message>
        <source>%1: the document expands to more than %2 values (aliases repeating aliases?)</source>
        <translation>%1: Das Dokument ergibt mehr als %2 Werte (Aliase, die Aliase wiederholen?)</translation>
    </message>
</context>
<context>
    <name>ZipArchive</name>
    <message>
        <source>%1: not a readable zip file (%2)</source>
        <translation>%1: keine lesbare ZIP-Datei (%2)</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>the archive is closed</source>
        <translation>das Archiv ist geschlossen</translation>
    </message>
    <message>
        <source>%1: no entry %2 (%3)</source>
        <translation>%1: kein Eintrag %2 (%3)</translation>
    </message>
    <message>
        <source>%1: entry %2 is larger than %3 bytes</source>
        <translation>%1: Der Eintrag %2 ist größer als %3 Byte</translation>
    </message>
    <message>
        <source>%1: cannot open %2 (%3)</source>
        <translation>%1: %2 kann nicht geöffnet werden (%3)</translation>
    </message>
    <message>
        <source>%1: cannot read %2 (%3)</source>
        <translation>%1: %2 kann nicht gelesen werden (%3)</translation>
    </message>
    <message>
        <source>cannot add %1 to %2: %3</source>
        <translation>%1 kann nicht zu %2 hinzugefügt werden: %3</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse-ctl</name>
    <message>
        <source>The API: its name (case-insensitive), NAME:VERSION, or its id.</source>
        <translation>Die API: ihr Name (ohne Beachtung der Groß-/Kleinschreibung), NAME:VERSION oder ihre ID.</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>The application: its name (case-insensitive) or its id.</source>
        <translation>Die Anwendung: ihr Name (ohne Beachtung der Groß-/Kleinschreibung) oder ihre ID.</translation>
    </message>
    <message>
        <source>--gateway must be an http:// or https:// URL such as http://127.0.0.1:8280 (got &quot;%1&quot;)</source>
        <translation>--gateway muss eine http://- oder https://-URL sein, etwa http://127.0.0.1:8280 (angegeben: „%1“)</translation>
    </message>
    <message>
        <source>--body @FILE needs a file name after the @</source>
        <translation>--body @FILE erfordert einen Dateinamen nach dem @</translation>
    </message>
    <message>
        <source>cannot read the --body file %1: %2</source>
        <translation>die Datei %1 für --body kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message numerus="yes">
        <source>%n errors</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests in %1 s: %2 requests/s, %3 (stopped early)</source>
        <extracomment>The summary of a run that was stopped early: %n requests, %1 seconds, %2 requests per second, %3 &quot;1 error&quot; or &quot;N errors&quot;.</extracomment>
        <translation>
            <numerusform>%n Anfrage in %1 s: %2 Anfragen/s, %3 (vorzeitig angehalten)</numerusform>
            <numerusform>%n Anfragen in %1 s: %2 Anfragen/s, %3 (vorzeitig angehalten)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests in %1 s: %2 requests/s, %3</source>
        <extracomment>The summary of a run: %n requests, %1 seconds, %2 requests per second, %3 &quot;1 error&quot; or &quot;N errors&quot;.</extracomment>
        <translation>
            <numerusform>%n Anfrage in %1 s: %2 Anfragen/s, %3</numerusform>
            <numerusform>%n Anfragen in %1 s: %2 Anfragen/s, %3</numerusform>
        </translation>
    </message>
    <message>
        <source>STATUS</source>
        <extracomment>Column headers of a run&apos;s HTTP status counts, in capitals.</extracomment>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>REQUESTS</source>
        <translation>ANFRAGEN</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>LATENCY (ms)</source>
        <extracomment>Column header of the latency table, in capitals.</extracomment>
        <translation>LATENZ (ms)</translation>
    </message>
    <message>
        <source>MIN</source>
        <extracomment>Column header of the latency table: the minimum.</extracomment>
        <translation>MIN</translation>
    </message>
    <message>
        <source>AVG</source>
        <extracomment>Column header of the latency table: the mean.</extracomment>
        <translation>MITTEL</translation>
    </message>
    <message>
        <source>MAX</source>
        <extracomment>Column header of the latency table: the maximum.</extracomment>
        <translation>MAX</translation>
    </message>
    <message>
        <source>MODEL</source>
        <extracomment>Column headers of the split between models, in capitals.</extracomment>
        <translation>MODELL</translation>
    </message>
    <message>
        <source>SHARE</source>
        <translation>ANTEIL</translation>
    </message>
    <message>
        <source>CONFIGURED</source>
        <extracomment>Column header: the share of the requests the model router is configured with.</extracomment>
        <translation>KONFIGURIERT</translation>
    </message>
    <message>
        <source>ERROR</source>
        <extracomment>Column headers of a run&apos;s failures, in capitals.</extracomment>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>FIRST MESSAGE</source>
        <translation>ERSTE MELDUNG</translation>
    </message>
    <message>
        <source>The key type.</source>
        <translation>Der Schlüsseltyp.</translation>
    </message>
    <message>
        <source>The operation, such as &quot;POST /chat/completions&quot;.</source>
        <translation>Die Operation, etwa &quot;POST /chat/completions&quot;.</translation>
    </message>
    <message>
        <source>The API level: policies that run for every operation.</source>
        <translation>Die API-Ebene: Richtlinien, die für jede Operation ausgeführt werden.</translation>
    </message>
    <message>
        <source>The flow.</source>
        <translation>Der Ablauf.</translation>
    </message>
    <message>
        <source>the %1 flow of %2</source>
        <extracomment>%1 is a flow (request, response or fault), %2 an operation such as &quot;POST /chat/completions&quot; or &quot;API level&quot;.</extracomment>
        <translation>Ablauf %1 (%2)</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot; (formats: %2)</source>
        <extracomment>%1 is the format as typed, %2 the formats there are.</extracomment>
        <translation>unbekanntes Format „%1“ (Formate: %2)</translation>
    </message>
    <message>
        <source>The provider: its id or its name (case-insensitive).</source>
        <translation>Der Anbieter: seine ID oder sein Name (ohne Beachtung der Groß-/Kleinschreibung).</translation>
    </message>
    <message>
        <source>The gateway&apos;s base URL, such as http://127.0.0.1:8280.</source>
        <translation>Die Basis-URL des Gateways, etwa http://127.0.0.1:8280.</translation>
    </message>
</context>
<context>
    <name>gatehouse-gateway</name>
    <message>
        <source>warning: cannot raise the open-file limit to %1</source>
        <translation>Warnung: Die Grenze für offene Dateien kann nicht auf %1 angehoben werden</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <extracomment>Printed before a warning on standard error, after &quot;gatehouse-gateway: &quot;.</extracomment>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>The Gatehouse AI gateway, headless: serves the APIs deployed in a workspace (tokens at POST /oauth2/token, APIs at /&lt;context&gt;/&lt;version&gt;/...), applies their policies and routes requests over models. New deployments go live without a restart. Status and Prometheus metrics are on a separate loopback-only admin listener.</source>
        <translation>Das KI-Gateway von Gatehouse, ohne Oberfläche: bedient die in einem Arbeitsbereich bereitgestellten APIs (Token unter POST /oauth2/token, APIs unter /&lt;context&gt;/&lt;version&gt;/...), wendet ihre Richtlinien an und verteilt Anfragen auf Modelle. Neue Bereitstellungen werden ohne Neustart wirksam. Status und Prometheus-Metriken liefert ein separater Admin-Listener, der nur über Loopback erreichbar ist.</translation>
    </message>
    <message>
        <source>The workspace folder to serve.</source>
        <translation>Der Ordner des Arbeitsbereichs, der bedient werden soll.</translation>
    </message>
    <message>
        <source>folder</source>
        <extracomment>The value of --workspace in --help: &quot;--workspace &lt;folder&gt;&quot;.</extracomment>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Listen on &lt;host:port&gt; (port 0: any free port). Default: the workspace setting, 127.0.0.1:8280.</source>
        <translation>Auf &lt;host:port&gt; lauschen (Port 0: ein beliebiger freier Port). Standard: die Einstellung des Arbeitsbereichs, 127.0.0.1:8280.</translation>
    </message>
    <message>
        <source>Admin listener port on 127.0.0.1 (0: any free port). Default: the workspace setting, 9280.</source>
        <translation>Port des Admin-Listeners auf 127.0.0.1 (0: ein beliebiger freier Port). Standard: die Einstellung des Arbeitsbereichs, 9280.</translation>
    </message>
    <message>
        <source>port</source>
        <extracomment>The value of --admin in --help: &quot;--admin &lt;port&gt;&quot;.</extracomment>
        <translation>Port</translation>
    </message>
    <message>
        <source>Print the gateway&apos;s port as the first line of standard output.</source>
        <translation>Den Port des Gateways als erste Zeile der Standardausgabe ausgeben.</translation>
    </message>
    <message>
        <source>Read secrets from &lt;file&gt; (mode 0600) instead of the desktop keychain, for machines without a Secret Service.</source>
        <translation>Geheimnisse aus &lt;Datei&gt; (Modus 0600) statt aus dem Desktop-Schlüsselbund lesen, für Rechner ohne Secret Service.</translation>
    </message>
    <message>
        <source>file</source>
        <extracomment>The value of --secrets-file, --tls-cert and --tls-key in --help: &quot;--tls-key &lt;file&gt;&quot;.</extracomment>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Worker threads (default: one per core).</source>
        <translation>Worker-Threads (Standard: einer pro Kern).</translation>
    </message>
    <message>
        <source>count</source>
        <extracomment>The value of --threads and --max-connections in --help: &quot;--threads &lt;count&gt;&quot;.</extracomment>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Connections served at once (default: 10000); beyond, requests are answered 503.</source>
        <translation>Gleichzeitig bediente Verbindungen (Standard: 10000); darüber hinaus werden Anfragen mit 503 beantwortet.</translation>
    </message>
    <message>
        <source>Serve HTTPS with this PEM certificate (chain); needs --tls-key.</source>
        <translation>HTTPS mit diesem PEM-Zertifikat (bzw. dieser Zertifikatskette) ausliefern; erfordert --tls-key.</translation>
    </message>
    <message>
        <source>The PEM private key of --tls-cert (not encrypted).</source>
        <translation>Der private PEM-Schlüssel zu --tls-cert (unverschlüsselt).</translation>
    </message>
    <message>
        <source>--workspace is required (or set GATEHOUSE_WORKSPACE)</source>
        <translation>--workspace ist erforderlich (oder setzen Sie GATEHOUSE_WORKSPACE)</translation>
    </message>
    <message>
        <source>--admin must be a port number from 0 to 65535</source>
        <translation>--admin muss eine Portnummer von 0 bis 65535 sein</translation>
    </message>
    <message>
        <source>--threads must be a number from 1 to 64</source>
        <translation>--threads muss eine Zahl von 1 bis 64 sein</translation>
    </message>
    <message>
        <source>--max-connections must be a positive number</source>
        <translation>--max-connections muss eine positive Zahl sein</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert und --tls-key müssen zusammen angegeben werden</translation>
    </message>
    <message>
        <source>listening on %1: reachable from other machines, over plain HTTP (see --tls-cert)</source>
        <translation>lauscht auf %1: von anderen Rechnern erreichbar, über unverschlüsseltes HTTP (siehe --tls-cert)</translation>
    </message>
    <message>
        <source>listening on %1: reachable from other machines</source>
        <translation>lauscht auf %1: von anderen Rechnern erreichbar</translation>
    </message>
    <message>
        <source>the built-in mock cannot start: %1</source>
        <translation>der eingebaute Mock kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>gatehouse-gateway serving %1 on %2 (admin on 127.0.0.1:%3)</source>
        <extracomment>The first line of standard output; %1 is the workspace folder, %2 the gateway&apos;s URL.</extracomment>
        <translation>gatehouse-gateway bedient %1 unter %2 (Admin unter 127.0.0.1:%3)</translation>
    </message>
    <message>
        <source>Share suspensions, quotas and budgets with the other replicas through the Redis (or Valkey) at &lt;url&gt; (redis://host:port/db or unix:///path), whatever the workspace&apos;s sharedState says. Its password is the one in the secret store.</source>
        <translation>Sperren, Kontingente und Budgets mit den anderen Replikaten über das Redis (oder Valkey) unter &lt;url&gt; teilen (redis://host:port/db oder unix:///pfad), was immer sharedState des Arbeitsbereichs sagt. Sein Passwort ist das im Geheimnisspeicher.</translation>
    </message>
    <message>
        <source>--redis needs a URL</source>
        <translation>--redis braucht eine URL</translation>
    </message>
    <message>
        <source>sharing state with other replicas through %1 (failure mode %2)</source>
        <extracomment>On standard error at start; %1 the Redis URL, %2 &quot;open&quot; or &quot;closed&quot;.</extracomment>
        <translation>teilt den Zustand mit anderen Replikaten über %1 (Ausfallmodus %2)</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in this PEM file for HTTPS upstreams (a self-hosted model behind a private CA), besides the system&apos;s.</source>
        <translation>Den CA-Zertifikaten in dieser PEM-Datei für HTTPS-Upstreams zusätzlich zu denen des Systems vertrauen (ein selbst betriebenes Modell hinter einer privaten CA).</translation>
    </message>
    <message>
        <source>--upstream-ca: no PEM certificate in %1</source>
        <translation>--upstream-ca: kein PEM-Zertifikat in %1</translation>
    </message>
</context>
<context>
    <name>gatehouse-mock-llm</name>
    <message>
        <source>An OpenAI-compatible mock LLM: POST /v1/chat/completions answers with the model it was asked for (JSON, or SSE with &quot;stream&quot;: true), GET /v1/models lists models. Control API: POST /_mock/faults {&quot;model&quot;, &quot;status&quot;, &quot;latencyMs&quot;, &quot;resetAfterBytes&quot;, &quot;remainingTokens&quot;, &quot;retryAfter&quot;, &quot;chunkDelayMs&quot;}, DELETE /_mock/faults, GET /_mock/stats.</source>
        <translation>Ein OpenAI-kompatibles Mock-LLM: POST /v1/chat/completions antwortet mit dem angefragten Modell (als JSON oder bei &quot;stream&quot;: true als SSE), GET /v1/models listet die Modelle auf. Steuer-API: POST /_mock/faults {&quot;model&quot;, &quot;status&quot;, &quot;latencyMs&quot;, &quot;resetAfterBytes&quot;, &quot;remainingTokens&quot;, &quot;retryAfter&quot;, &quot;chunkDelayMs&quot;}, DELETE /_mock/faults, GET /_mock/stats.</translation>
    </message>
    <message>
        <source>Listen on &lt;host:port&gt; (port 0: any free port). Default 127.0.0.1:8089.</source>
        <translation>Auf &lt;host:port&gt; lauschen (Port 0: ein beliebiger freier Port). Standard: 127.0.0.1:8089.</translation>
    </message>
    <message>
        <source>Print the port listened on as the first line of standard output.</source>
        <translation>Den Port, auf dem gelauscht wird, als erste Zeile der Standardausgabe ausgeben.</translation>
    </message>
    <message>
        <source>Worker threads (default: the number of cores).</source>
        <translation>Worker-Threads (Standard: die Anzahl der Kerne).</translation>
    </message>
    <message>
        <source>count</source>
        <extracomment>The value of --threads in --help: &quot;--threads &lt;count&gt;&quot;.</extracomment>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>--threads must be a number from 1 to 64</source>
        <translation>--threads muss eine Zahl von 1 bis 64 sein</translation>
    </message>
    <message>
        <source>gatehouse-mock-llm listening on %1</source>
        <translation>gatehouse-mock-llm lauscht auf %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::AdminView</name>
    <message>
        <source>Business Plans</source>
        <translation>Tarife</translation>
    </message>
    <message>
        <source>Model Prices</source>
        <translation>Modellpreise</translation>
    </message>
</context>
<context>
    <name>gatehouse::ApiCatalogPage</name>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Subscribe and try...</source>
        <translation>Abonnieren und ausprobieren...</translation>
    </message>
    <message>
        <source>No APIs yet: create one in the Publisher.</source>
        <translation>Noch keine APIs: Erstellen Sie eine im Publisher.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;%1 %2&lt;/h2&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;&lt;b&gt;Gateway URL:&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;Lifecycle:&lt;/b&gt; %5&lt;br&gt;&lt;b&gt;Deployed:&lt;/b&gt; %6&lt;br&gt;&lt;b&gt;Business plans:&lt;/b&gt; %7&lt;/p&gt;</source>
        <translation>&lt;h2&gt;%1 %2&lt;/h2&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;&lt;b&gt;Gateway-URL:&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;Lebenszyklus:&lt;/b&gt; %5&lt;br&gt;&lt;b&gt;Bereitgestellt:&lt;/b&gt; %6&lt;br&gt;&lt;b&gt;Tarife:&lt;/b&gt; %7&lt;/p&gt;</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>no (deploy it in the Publisher)</source>
        <translation>nein (im Publisher bereitstellen)</translation>
    </message>
    <message>
        <source>Choose an API, an application name and a business plan</source>
        <translation>Wählen Sie eine API, einen Anwendungsnamen und einen Tarif aus</translation>
    </message>
    <message>
        <source>Subscribe and try</source>
        <translation>Abonnieren und ausprobieren</translation>
    </message>
    <message>
        <source>Business plan:</source>
        <translation>Tarif:</translation>
    </message>
    <message>
        <source>Production keys are generated if the application has none.</source>
        <translation>Produktionsschlüssel werden erzeugt, falls die Anwendung noch keine hat.</translation>
    </message>
    <message>
        <source>Not subscribed</source>
        <translation>Nicht abonniert</translation>
    </message>
    <message>
        <source>Type a new name to create an application.</source>
        <translation>Geben Sie einen neuen Namen ein, um eine Anwendung anzulegen.</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>Anwendung:</translation>
    </message>
</context>
<context>
    <name>gatehouse::ApiEditor</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save and deploy</source>
        <translation>Speichern und bereitstellen</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>Bereitstellungen</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Not deployed</source>
        <translation>Nicht bereitgestellt</translation>
    </message>
    <message>
        <source>Changes discarded</source>
        <translation>Änderungen verworfen</translation>
    </message>
    <message>
        <source>%1 saved</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Deployed from the Publisher</source>
        <translation>Aus dem Publisher bereitgestellt</translation>
    </message>
    <message>
        <source>Revision %1 of %2 is live on the local gateway</source>
        <translation>Revision %1 von %2 ist auf dem lokalen Gateway aktiv</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 hat ungespeicherte Änderungen. Möchten Sie sie speichern?</translation>
    </message>
    <message>
        <source>Your changes are still here, unsaved. Reload the workspace (File menu) to see the other program&apos;s version; that discards them.</source>
        <translation>Ihre Änderungen sind noch da, ungespeichert. Laden Sie den Arbeitsbereich neu (Menü Datei), um die Fassung des anderen Programms zu sehen; dabei gehen sie verloren.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ApiListModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
</context>
<context>
    <name>gatehouse::ApplicationsPage</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Business plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Create...</source>
        <translation>Erstellen...</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Token validity:</source>
        <translation>Token-Gültigkeit:</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>Abonnieren</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Kündigen</translation>
    </message>
    <message>
        <source>Try out</source>
        <translation>Ausprobieren</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Production Keys</source>
        <translation>Produktionsschlüssel</translation>
    </message>
    <message>
        <source>Sandbox Keys</source>
        <translation>Sandbox-Schlüssel</translation>
    </message>
    <message>
        <source>Create application</source>
        <translation>Anwendung erstellen</translation>
    </message>
    <message>
        <source>Application not created</source>
        <translation>Anwendung nicht erstellt</translation>
    </message>
    <message>
        <source>Delete application</source>
        <translation>Anwendung löschen</translation>
    </message>
    <message>
        <source>Delete %1? Its keys stop working at once.</source>
        <translation>%1 löschen? Ihre Schlüssel werden sofort ungültig.</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Nicht gelöscht</translation>
    </message>
    <message>
        <source>Not subscribed</source>
        <translation>Nicht abonniert</translation>
    </message>
    <message>
        <source>Not unsubscribed</source>
        <translation>Nicht gekündigt</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (gelöscht)</translation>
    </message>
    <message>
        <source>A name is required</source>
        <translation>Ein Name ist erforderlich</translation>
    </message>
    <message>
        <source>An application named %1 exists already</source>
        <translation>Es gibt bereits eine Anwendung namens %1</translation>
    </message>
    <message>
        <source>Application %1 created</source>
        <translation>Anwendung %1 erstellt</translation>
    </message>
    <message>
        <source>Choose an application and an API</source>
        <translation>Wählen Sie eine Anwendung und eine API</translation>
    </message>
    <message>
        <source>%1 is subscribed to %2 already</source>
        <translation>%1 hat %2 bereits abonniert</translation>
    </message>
    <message>
        <source>Unknown business plan %1</source>
        <translation>Unbekannter Tarif %1</translation>
    </message>
    <message>
        <source>%1 subscribed to %2 with the %3 plan</source>
        <translation>%1 hat %2 mit dem Tarif %3 abonniert</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
</context>
<context>
    <name>gatehouse::BudgetPanel</name>
    <message>
        <source>&amp;Set budget</source>
        <translation>Budget &amp;festlegen</translation>
    </message>
    <message>
        <source>&amp;Remove budget</source>
        <translation>Budget &amp;entfernen</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Ausgegeben</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Verbraucht</translation>
    </message>
    <message>
        <source>Window ends (UTC)</source>
        <translation>Zeitfenster endet (UTC)</translation>
    </message>
    <message>
        <source>Budget in US dollars</source>
        <translation>Budget in US-Dollar</translation>
    </message>
    <message>
        <source>Budget period</source>
        <translation>Budgetzeitraum</translation>
    </message>
    <message>
        <source>The application&apos;s own limits in US dollars across every API it calls, on top of its subscriptions&apos; business plans. Calls are charged when their answers end, streams included; once a budget is spent the next call is refused with 429 until the window ends. Free models never use a budget.</source>
        <translation>Die eigenen Grenzen der Anwendung in US-Dollar über alle APIs, die sie aufruft, zusätzlich zu den Tarifen ihrer Abonnements. Aufrufe werden berechnet, wenn ihre Antworten enden, Streams eingeschlossen; ist ein Budget aufgebraucht, wird der nächste Aufruf mit 429 abgewiesen, bis das Zeitfenster endet. Kostenlose Modelle verbrauchen nie ein Budget.</translation>
    </message>
    <message>
        <source>Select a budget to remove.</source>
        <translation>Wählen Sie ein Budget zum Entfernen.</translation>
    </message>
    <message>
        <source>reading...</source>
        <translation>wird gelesen …</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Share of the budget spent</source>
        <translation>Ausgegebener Anteil des Budgets</translation>
    </message>
    <message>
        <source>Choose an application first.</source>
        <translation>Wählen Sie zuerst eine Anwendung.</translation>
    </message>
    <message>
        <source>A budget is an amount of US dollars above 0.</source>
        <translation>Ein Budget ist ein Betrag in US-Dollar über 0.</translation>
    </message>
    <message>
        <source>Budgets of %1 saved</source>
        <translation>Budgets von %1 gespeichert</translation>
    </message>
</context>
<context>
    <name>gatehouse::BusinessPlansPage</name>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>Prompt-Token</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>Completion-Token</translation>
    </message>
    <message>
        <source>Total tokens</source>
        <translation>Token gesamt</translation>
    </message>
    <message>
        <source>US dollars</source>
        <translation>US-Dollar</translation>
    </message>
    <message>
        <source>&amp;New plan</source>
        <translation>&amp;Neuer Tarif</translation>
    </message>
    <message>
        <source>&amp;Delete plan</source>
        <translation>Tarif &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Add limit</source>
        <translation>Grenze &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove limit</source>
        <translation>Grenze &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Save plan</source>
        <translation>Tarif &amp;speichern</translation>
    </message>
    <message>
        <source>Business plans</source>
        <translation>Tarife</translation>
    </message>
    <message>
        <source>Gold, 10PerMin, TeamBudget...</source>
        <translation>Gold, 10PerMin, TeamBudget …</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Limits (a call is refused with 429 once any of them is reached; windows are whole UTC minutes, hours, days and months):</source>
        <translation>&amp;Grenzen (ein Aufruf wird mit 429 abgewiesen, sobald eine davon erreicht ist; Zeitfenster sind ganze UTC-Minuten, -Stunden, -Tage und -Monate):</translation>
    </message>
    <message>
        <source>No subscription uses this plan.</source>
        <translation>Kein Abonnement verwendet diesen Tarif.</translation>
    </message>
    <message numerus="yes">
        <source>Used by %n subscription(s): %1</source>
        <translation>
            <numerusform>Von %n Abonnement verwendet: %1</numerusform>
            <numerusform>Von %n Abonnements verwendet: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Name: at most 64 letters, digits, spaces, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>Name: höchstens 64 Buchstaben, Ziffern, Leerzeichen, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos;, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>A business plan &quot;%1&quot; exists already.</source>
        <translation>Es gibt bereits einen Tarif „%1“.</translation>
    </message>
    <message>
        <source>Limit %1: the amount must be above 0.</source>
        <extracomment>%1 is the limit&apos;s row number.</extracomment>
        <translation>Grenze %1: Die Menge muss über 0 liegen.</translation>
    </message>
    <message>
        <source>Limit %1: a plan has one limit of %2 %3.</source>
        <extracomment>%2 is a metric such as &quot;Requests&quot;, %3 a period such as &quot;per minute&quot;.</extracomment>
        <translation>Grenze %1: Ein Tarif hat nur eine Grenze für %2 %3.</translation>
    </message>
    <message>
        <source>Give the plan at least one limit: the Unlimited plan exists already.</source>
        <translation>Geben Sie dem Tarif mindestens eine Grenze: Den Tarif Unlimited gibt es bereits.</translation>
    </message>
    <message>
        <source>Business plan %1 saved: the gateway applies it to new calls</source>
        <translation>Tarif %1 gespeichert: Das Gateway wendet ihn auf neue Aufrufe an</translation>
    </message>
    <message>
        <source>Select a saved plan to delete.</source>
        <translation>Wählen Sie einen gespeicherten Tarif zum Löschen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is used by %n subscription(s) (%2): subscribe them under another plan first.</source>
        <translation>
            <numerusform>%1 wird von %n Abonnement verwendet (%2): Abonnieren Sie es zuerst mit einem anderen Tarif.</numerusform>
            <numerusform>%1 wird von %n Abonnements verwendet (%2): Abonnieren Sie sie zuerst mit einem anderen Tarif.</numerusform>
        </translation>
    </message>
    <message>
        <source>Business plan %1 deleted</source>
        <translation>Tarif %1 gelöscht</translation>
    </message>
</context>
<context>
    <name>gatehouse::CreateApiWizard</name>
    <message>
        <source>Create AI API</source>
        <translation>KI-API erstellen</translation>
    </message>
    <message>
        <source>AI service provider</source>
        <translation>KI-Dienstanbieter</translation>
    </message>
    <message>
        <source>The provider&apos;s definition gives the API its operations and its default endpoint.</source>
        <translation>Die Definition des Anbieters legt die Operationen der API und ihren Standard-Endpunkt fest.</translation>
    </message>
    <message>
        <source>API details</source>
        <translation>API-Details</translation>
    </message>
    <message>
        <source>optional; stored in %1</source>
        <translation>optional; wird in %1 gespeichert</translation>
    </message>
    <message>
        <source>the keychain</source>
        <translation>dem Schlüsselbund</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Production endpoint URL:</source>
        <translation>URL des Produktions-Endpunkts:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>Choose a provider</source>
        <translation>Wählen Sie einen Anbieter aus</translation>
    </message>
    <message>
        <source>Name %1</source>
        <translation>Name %1</translation>
    </message>
    <message>
        <source>Context %1</source>
        <translation>Kontext %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Context /%1/%2 is taken by %3</source>
        <translation>Kontext /%1/%2 ist bereits durch %3 belegt</translation>
    </message>
    <message>
        <source>An API named %1 with version %2 exists already</source>
        <translation>Eine API namens %1 mit der Version %2 gibt es bereits</translation>
    </message>
    <message>
        <source>Endpoint URL %1</source>
        <translation>Endpunkt-URL %1</translation>
    </message>
    <message>
        <source>Enter the URL of your %1 endpoint</source>
        <translation>Geben Sie die URL Ihres Endpunkts für %1 ein</translation>
    </message>
    <message>
        <source>API key not stored</source>
        <translation>API-Schlüssel nicht gespeichert</translation>
    </message>
    <message>
        <source>API not created</source>
        <translation>API nicht erstellt</translation>
    </message>
</context>
<context>
    <name>gatehouse::DeploymentsPage</name>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Deploy selected</source>
        <translation>Auswahl bereitstellen</translation>
    </message>
    <message>
        <source>Undeploy</source>
        <translation>Bereitstellung aufheben</translation>
    </message>
    <message>
        <source>Compare two...</source>
        <translation>Zwei vergleichen...</translation>
    </message>
    <message>
        <source>Select one revision to deploy</source>
        <translation>Wählen Sie eine Revision zum Bereitstellen aus</translation>
    </message>
    <message>
        <source>Deploy failed</source>
        <translation>Bereitstellung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Revision %1 is live</source>
        <translation>Revision %1 ist aktiv</translation>
    </message>
    <message>
        <source>Undeploy failed</source>
        <translation>Aufheben der Bereitstellung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Select two revisions to compare (Ctrl+click)</source>
        <translation>Wählen Sie zwei Revisionen zum Vergleichen aus (Strg+Klick)</translation>
    </message>
    <message>
        <source>Revision %1 → %2</source>
        <translation>Revision %1 → %2</translation>
    </message>
    <message>
        <source>Revision %1 is live on the local gateway since %2</source>
        <translation>Revision %1 ist seit %2 auf dem lokalen Gateway aktiv</translation>
    </message>
    <message>
        <source>Not deployed</source>
        <translation>Nicht bereitgestellt</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Aktiv</translation>
    </message>
</context>
<context>
    <name>gatehouse::DevPortalView</name>
    <message>
        <source>APIs</source>
        <translation>APIs</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <source>Try Out</source>
        <translation>Ausprobieren</translation>
    </message>
</context>
<context>
    <name>gatehouse::EndpointsPage</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>%1 endpoints</source>
        <translation>Endpunkte (%1)</translation>
    </message>
    <message>
        <source>Add...</source>
        <translation>Hinzufügen...</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Bearbeiten...</translation>
    </message>
    <message>
        <source>Set API key...</source>
        <translation>API-Schlüssel festlegen...</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Set (stored in %1)</source>
        <translation>Festgelegt (gespeichert in %1)</translation>
    </message>
    <message>
        <source>API Key Required</source>
        <translation>API-Schlüssel erforderlich</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Nicht nötig</translation>
    </message>
    <message>
        <source>API Key Required: %1 will refuse calls until a key is set for %2.</source>
        <translation>API-Schlüssel erforderlich: %1 weist Aufrufe ab, bis für %2 ein Schlüssel festgelegt ist.</translation>
    </message>
    <message>
        <source>Add %1 endpoint</source>
        <translation>Endpunkt hinzufügen (%1)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>A name is required</source>
        <translation>Ein Name ist erforderlich</translation>
    </message>
    <message>
        <source>URL %1</source>
        <translation>URL %1</translation>
    </message>
    <message>
        <source>Add endpoint %1</source>
        <translation>Endpunkt %1 hinzufügen</translation>
    </message>
    <message>
        <source>Edit endpoint</source>
        <translation>Endpunkt bearbeiten</translation>
    </message>
    <message>
        <source>URL of %1:</source>
        <translation>URL von %1:</translation>
    </message>
    <message>
        <source>Invalid URL</source>
        <translation>Ungültige URL</translation>
    </message>
    <message>
        <source>The URL %1.</source>
        <translation>Die URL %1.</translation>
    </message>
    <message>
        <source>Change endpoint URL</source>
        <translation>Endpunkt-URL ändern</translation>
    </message>
    <message>
        <source>Remove endpoint</source>
        <translation>Endpunkt entfernen</translation>
    </message>
    <message>
        <source>no secret store</source>
        <translation>kein Geheimnisspeicher</translation>
    </message>
    <message>
        <source>the key is empty</source>
        <translation>der Schlüssel ist leer</translation>
    </message>
    <message>
        <source>Set API key of %1</source>
        <translation>API-Schlüssel von %1 festlegen</translation>
    </message>
    <message>
        <source>API key stored in %1</source>
        <translation>API-Schlüssel in %1 gespeichert</translation>
    </message>
    <message>
        <source>Set API key</source>
        <translation>API-Schlüssel festlegen</translation>
    </message>
    <message>
        <source>API key for %1 (stored in %2, never shown again):</source>
        <translation>API-Schlüssel für %1 (wird in %2 gespeichert und nie wieder angezeigt):</translation>
    </message>
    <message>
        <source>API key not stored</source>
        <translation>API-Schlüssel nicht gespeichert</translation>
    </message>
    <message>
        <source>Fetch models</source>
        <translation>Modelle abrufen</translation>
    </message>
    <message>
        <source>Ask the selected endpoint which models it serves</source>
        <translation>Den gewählten Endpunkt fragen, welche Modelle er anbietet</translation>
    </message>
    <message>
        <source>Select a %1 endpoint first.</source>
        <translation>Wählen Sie zuerst einen %1-Endpunkt.</translation>
    </message>
    <message>
        <source>%1 has no endpoint &quot;%2&quot;.</source>
        <translation>%1 hat keinen Endpunkt „%2“.</translation>
    </message>
    <message>
        <source>No secret store: the endpoint&apos;s key cannot be read.</source>
        <translation>Kein Geheimnisspeicher: Der Schlüssel des Endpunkts kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Asking %1 for its models...</source>
        <translation>%1 wird nach seinen Modellen gefragt …</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <extracomment>%1 is a number of seconds.</extracomment>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>%1 (not in %2&apos;s list)</source>
        <extracomment>A fetched model that the provider&apos;s own model list lacks; %2 is the provider.</extracomment>
        <translation>%1 (nicht in der Liste von %2)</translation>
    </message>
    <message>
        <source>Models at %1: %2.</source>
        <extracomment>%1 is the endpoint&apos;s name, %2 a number.</extracomment>
        <translation>Modelle bei %1: %2.</translation>
    </message>
    <message>
        <source>Not in %1&apos;s model list: %2.</source>
        <translation>Nicht in der Modellliste von %1: %2.</translation>
    </message>
    <message>
        <source>Primary</source>
        <extracomment>In the endpoint table&apos;s Primary column: where the stage&apos;s requests go when no model router picks an endpoint.</extracomment>
        <translation>Primär</translation>
    </message>
    <message>
        <source>Set as Primary</source>
        <translation>Als primär festlegen</translation>
    </message>
    <message>
        <source>The removed endpoint was primary; %1 requests now go to %2</source>
        <translation>Der entfernte Endpunkt war primär; %1-Anfragen gehen jetzt an %2</translation>
    </message>
    <message>
        <source>Set %1 as primary</source>
        <translation>%1 als primär festlegen</translation>
    </message>
</context>
<context>
    <name>gatehouse::GatehouseSession</name>
    <message>
        <source>revision %1 is deployed, but the gateway cannot load it: %2</source>
        <translation>Revision %1 ist bereitgestellt, aber das Gateway kann sie nicht laden: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::GatewayView</name>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Base path</source>
        <translation>Basispfad</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Recovers in</source>
        <translation>Wieder aktiv in</translation>
    </message>
    <message>
        <source>Apply and restart</source>
        <translation>Übernehmen und neu starten</translation>
    </message>
    <message>
        <source>Listen on:</source>
        <translation>Lauschen auf:</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <source>Suspended (endpoint, model) pairs</source>
        <translation>Ausgesetzte Paare (Endpunkt, Modell)</translation>
    </message>
    <message>
        <source>Last calls</source>
        <translation>Letzte Aufrufe</translation>
    </message>
    <message>
        <source>Gateway not started</source>
        <translation>Gateway nicht gestartet</translation>
    </message>
    <message>
        <source>Gateway listening on %1</source>
        <translation>Gateway lauscht auf %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stopped&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Gestoppt&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>next request is a trial</source>
        <translation>nächste Anfrage ist eine Probeanfrage</translation>
    </message>
    <message>
        <source>Readmit now</source>
        <translation>Jetzt zulassen</translation>
    </message>
    <message>
        <source>%1 on %2 readmitted</source>
        <translation>%1 auf %2 wieder zugelassen</translation>
    </message>
    <message>
        <source>Guardrail</source>
        <translation>Guardrail</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Eingriffe</translation>
    </message>
    <message>
        <source>Per model</source>
        <translation>Pro Modell</translation>
    </message>
    <message>
        <source>Guardrails</source>
        <translation>Guardrails</translation>
    </message>
    <message>
        <source>Calls a guardrail blocked or cut off, per guardrail</source>
        <translation>Aufrufe, die eine Guardrail blockiert oder abgebrochen hat, pro Guardrail</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Shared state...</source>
        <translation>Geteilter Zustand...</translation>
    </message>
    <message>
        <source>Where replicas of this gateway share suspensions, quotas and budgets</source>
        <translation>Worüber Replikate dieses Gateways Sperren, Kontingente und Budgets teilen</translation>
    </message>
    <message>
        <source>state kept locally</source>
        <translation>Zustand lokal gehalten</translation>
    </message>
    <message numerus="yes">
        <source>state shared through %1 · %n live replica(s)</source>
        <extracomment>%1 the Redis URL; %n the replicas sharing it, this one included.</extracomment>
        <translation>
            <numerusform>Zustand geteilt über %1 · %n aktives Replikat</numerusform>
            <numerusform>Zustand geteilt über %1 · %n aktive Replikate</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Redis unreachable&lt;/b&gt; (%1): requests with a quota are refused</source>
        <translation>&lt;b&gt;Redis nicht erreichbar&lt;/b&gt; (%1): Anfragen mit Kontingent werden abgewiesen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Redis unreachable&lt;/b&gt; (%1): counting locally</source>
        <translation>&lt;b&gt;Redis nicht erreichbar&lt;/b&gt; (%1): es wird lokal gezählt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Running&lt;/b&gt; on %1 · admin on 127.0.0.1:%2 · %3 requests · %4 in flight · %5</source>
        <translation>&lt;b&gt;Läuft&lt;/b&gt; auf %1 · Admin auf 127.0.0.1:%2 · %3 Anfragen · %4 in Bearbeitung · %5</translation>
    </message>
    <message>
        <source>Hit rate</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Misses</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Bypassed</source>
        <translation>Umgangen</translation>
    </message>
    <message>
        <source>Tokens saved</source>
        <translation>Gespart</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>How often the response cache answered, per API</source>
        <translation>Wie oft der Antwort-Cache geantwortet hat, je API</translation>
    </message>
</context>
<context>
    <name>gatehouse::GuardrailBenchPanel</name>
    <message>
        <source>Run guardrails</source>
        <translation>Guardrails ausführen</translation>
    </message>
    <message>
        <source>Request: a prompt</source>
        <translation>Anfrage: ein Prompt</translation>
    </message>
    <message>
        <source>Response: an answer</source>
        <translation>Antwort: eine Antwort</translation>
    </message>
    <message>
        <source>A request or response body (JSON)</source>
        <translation>Ein Anfrage- oder Antwort-Body (JSON)</translation>
    </message>
    <message>
        <source>Guardrail</source>
        <translation>Guardrail</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>What the client gets, or what goes on after masking</source>
        <translation>Was der Client erhält, oder was nach der Maskierung weitergeht</translation>
    </message>
    <message>
        <source>Select an operation first.</source>
        <translation>Zuerst eine Operation auswählen.</translation>
    </message>
    <message>
        <source>Cannot run</source>
        <translation>Nicht ausführbar</translation>
    </message>
    <message>
        <source>Error (900967)</source>
        <translation>Fehler (900967)</translation>
    </message>
    <message>
        <source>Intervenes (446)</source>
        <translation>Greift ein (446)</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Maskiert</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>Besteht</translation>
    </message>
    <message>
        <source>%1, attached at %2</source>
        <translation>%1, angehängt an %2</translation>
    </message>
    <message>
        <source>No guardrails are attached to the %1 flow of %2.</source>
        <translation>Am %1-Fluss von %2 hängen keine Guardrails.</translation>
    </message>
    <message>
        <source>Blocked by %1: the client gets this answer.</source>
        <translation>Blockiert durch %1: der Client erhält diese Antwort.</translation>
    </message>
    <message>
        <source>All guardrails pass: this goes upstream.</source>
        <translation>Alle Guardrails bestehen: dies geht an den Upstream.</translation>
    </message>
    <message>
        <source>All guardrails pass: the client gets this.</source>
        <translation>Alle Guardrails bestehen: der Client erhält dies.</translation>
    </message>
</context>
<context>
    <name>gatehouse::KeysPanel</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Generate access token</source>
        <translation>Zugriffstoken erzeugen</translation>
    </message>
    <message>
        <source>Consumer key:</source>
        <translation>Consumer-Schlüssel:</translation>
    </message>
    <message>
        <source>Consumer secret:</source>
        <translation>Consumer-Geheimnis:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Zugriffstoken:</translation>
    </message>
    <message>
        <source>Regenerate keys</source>
        <translation>Schlüssel neu erzeugen</translation>
    </message>
    <message>
        <source>New keys revoke every token issued with the current ones. Continue?</source>
        <translation>Neue Schlüssel widerrufen alle Token, die mit den aktuellen Schlüsseln ausgestellt wurden. Fortfahren?</translation>
    </message>
    <message>
        <source>Keys not generated</source>
        <translation>Schlüssel nicht erzeugt</translation>
    </message>
    <message>
        <source>Consumer secret copied</source>
        <translation>Consumer-Geheimnis kopiert</translation>
    </message>
    <message>
        <source>Generate keys</source>
        <translation>Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>%1 keys generated; the secret is in %2</source>
        <translation>Schlüssel für %1 erzeugt; das Geheimnis liegt in %2</translation>
    </message>
    <message>
        <source>generate the keys first</source>
        <translation>Erzeugen Sie zuerst die Schlüssel</translation>
    </message>
    <message>
        <source>Valid until %1 (scope %2)</source>
        <translation>Gültig bis %1 (Scope %2)</translation>
    </message>
</context>
<context>
    <name>gatehouse::LatencyHistogramChart</name>
    <message>
        <source>Latency histogram</source>
        <translation>Latenz-Histogramm</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>gatehouse::MainWindow</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Select an API first</source>
        <translation>Wählen Sie zuerst eine API aus</translation>
    </message>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>Reload failed</source>
        <translation>Neu laden fehlgeschlagen</translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation>Über Gatehouse</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gatehouse %1&lt;/b&gt;&lt;p&gt;Design, route and try out AI APIs: a Publisher, a Developer Portal and a local AI gateway in one window.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Gatehouse %1&lt;/b&gt;&lt;p&gt;KI-APIs entwerfen, routen und ausprobieren: ein Publisher, ein Entwicklerportal und ein lokales KI-Gateway in einem Fenster.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Some workspace files could not be read and are left untouched:</source>
        <translation>Einige Dateien des Arbeitsbereichs konnten nicht gelesen werden und bleiben unverändert:</translation>
    </message>
    <message>
        <source>Gateway stopped</source>
        <translation>Gateway angehalten</translation>
    </message>
    <message numerus="yes">
        <source>Gateway %1 · %n live revision(s) · %2 req/s</source>
        <translation>
            <numerusform>Gateway %1 · %n aktive Revision · %2 req/s</numerusform>
            <numerusform>Gateway %1 · %n aktive Revisionen · %2 req/s</numerusform>
        </translation>
    </message>
    <message>
        <source>Export %1 as a WSO2 API project</source>
        <translation>%1 als WSO2-API-Projekt exportieren</translation>
    </message>
    <message>
        <source>API project archive (*.zip)</source>
        <translation>API-Projektarchiv (*.zip)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Import a WSO2 API project</source>
        <translation>WSO2-API-Projekt importieren</translation>
    </message>
    <message>
        <source>API project (*.zip api.yaml)</source>
        <translation>API-Projekt (*.zip api.yaml)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import an OpenAPI document</source>
        <translation>OpenAPI-Dokument importieren</translation>
    </message>
    <message>
        <source>OpenAPI 3 document (*.yaml *.yml *.json)</source>
        <translation>OpenAPI-3-Dokument (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>Provider saved: it is offered when you create an API</source>
        <translation>Anbieter gespeichert: Er wird beim Erstellen einer API angeboten</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Left out (WSO2 has no such setting):</source>
        <translation>Weggelassen (WSO2 kennt diese Einstellung nicht):</translation>
    </message>
    <message>
        <source>Import cancelled: the open API has unsaved changes.</source>
        <translation>Import abgebrochen: Die geöffnete API hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>%1 importiert.</translation>
    </message>
    <message>
        <source>Not mapped:</source>
        <translation>Nicht übernommen:</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Imported %1 from %2.</source>
        <translation>%1 aus %2 importiert.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ModelPricesPage</name>
    <message>
        <source> / 1M tokens</source>
        <extracomment>After a price: US dollars per million tokens.</extracomment>
        <translation> / 1 Mio. Token</translation>
    </message>
    <message>
        <source>&amp;Save price</source>
        <translation>Preis &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Remove workspace price</source>
        <translation>Arbeitsbereichspreis &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Import LiteLLM price file...</source>
        <translation>LiteLLM-Preisdatei &amp;importieren …</translation>
    </message>
    <message>
        <source>Filter by model or provider</source>
        <translation>Nach Modell oder Anbieter filtern</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Input USD/1M</source>
        <translation>Eingabe USD/1 Mio.</translation>
    </message>
    <message>
        <source>Cached input USD/1M</source>
        <translation>Eingabe aus Cache USD/1 Mio.</translation>
    </message>
    <message>
        <source>Output USD/1M</source>
        <translation>Ausgabe USD/1 Mio.</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Price date</source>
        <translation>Preisdatum</translation>
    </message>
    <message>
        <source>openai, anthropic, mistral...</source>
        <translation>openai, anthropic, mistral …</translation>
    </message>
    <message>
        <source>as input</source>
        <translation>wie Eingabe</translation>
    </message>
    <message>
        <source>https://... (the price page, for whoever checks it later)</source>
        <translation>https://… (die Preisseite, für alle, die es später prüfen)</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>&amp;Input:</source>
        <translation>&amp;Eingabe:</translation>
    </message>
    <message>
        <source>&amp;Cached input:</source>
        <translation>Eingabe aus &amp;Cache:</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>&amp;Ausgabe:</translation>
    </message>
    <message>
        <source>So&amp;urce:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>Prices are in US dollars per million tokens. Cached prompt tokens are charged at the cached input price, reasoning tokens at the output price. A model is found as WSO2 finds it: gpt-4o-2024-11-20 is priced as gpt-4o when it has no price of its own. The Demo provider&apos;s models are free.</source>
        <translation>Preise sind in US-Dollar pro Million Token. Prompt-Token aus dem Cache werden zum Cache-Eingabepreis berechnet, Reasoning-Token zum Ausgabepreis. Ein Modell wird gefunden wie bei WSO2: gpt-4o-2024-11-20 kostet so viel wie gpt-4o, wenn es keinen eigenen Preis hat. Die Modelle des Demo-Anbieters sind kostenlos.</translation>
    </message>
    <message>
        <source>Import a LiteLLM price file</source>
        <translation>Eine LiteLLM-Preisdatei importieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Mitgeliefert</translation>
    </message>
    <message>
        <source>Workspace price (prices.json), set %1.</source>
        <extracomment>%1 is a date such as 2026-12-07.</extracomment>
        <translation>Arbeitsbereichspreis (prices.json), festgelegt am %1.</translation>
    </message>
    <message>
        <source>Shipped list price of %1 from %2.</source>
        <extracomment>%1 is a date such as 2026-12-07, %2 a web address.</extracomment>
        <translation>Mitgelieferter Listenpreis vom %1 von %2.</translation>
    </message>
    <message>
        <source>Give the model&apos;s name as requests name it (gpt-4o, claude-3-5-sonnet-20241022).</source>
        <translation>Geben Sie den Namen des Modells so an, wie Anfragen ihn nennen (gpt-4o, claude-3-5-sonnet-20241022).</translation>
    </message>
    <message>
        <source>sample_spec is LiteLLM&apos;s description of its format, not a model.</source>
        <translation>sample_spec ist die Beschreibung des Formats von LiteLLM, kein Modell.</translation>
    </message>
    <message>
        <source>Price of %1 saved: the gateway charges new calls at it</source>
        <translation>Preis von %1 gespeichert: Das Gateway berechnet neue Aufrufe danach</translation>
    </message>
    <message>
        <source>The workspace has no price of its own for %1.</source>
        <translation>Der Arbeitsbereich hat keinen eigenen Preis für %1.</translation>
    </message>
    <message>
        <source>Workspace price of %1 removed</source>
        <translation>Arbeitsbereichspreis von %1 entfernt</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n model price(s); %1 entries without per-token prices skipped</source>
        <translation>
            <numerusform>%n Modellpreis importiert; %1 Einträge ohne Preise pro Token übersprungen</numerusform>
            <numerusform>%n Modellpreise importiert; %1 Einträge ohne Preise pro Token übersprungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::ModelRouterForm</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long a failing (endpoint, model) pair is left out before one trial request readmits it</source>
        <translation>Wie lange ein fehlerhaftes Paar (Endpunkt, Modell) ausgesetzt bleibt, bevor eine Probeanfrage es wieder zulässt</translation>
    </message>
    <message>
        <source>Suspend duration:</source>
        <translation>Aussetzdauer:</translation>
    </message>
    <message>
        <source>Request timeout:</source>
        <translation>Anfrage-Timeout:</translation>
    </message>
    <message>
        <source>Retry once on another model</source>
        <translation>Einmal mit anderem Modell wiederholen</translation>
    </message>
    <message>
        <source>When a model fails before any byte reached the client, send the same request to another active model. Off gives WSO2&apos;s behaviour: the failure goes back to the client.</source>
        <translation>Schlägt ein Modell fehl, bevor ein Byte den Client erreicht hat, wird dieselbe Anfrage an ein anderes aktives Modell gesendet. Ausgeschaltet entspricht dem Verhalten von WSO2: Der Fehler geht an den Client zurück.</translation>
    </message>
    <message>
        <source>Enable sandbox routing</source>
        <translation>Sandbox-Routing aktivieren</translation>
    </message>
    <message>
        <source>This API has no sandbox endpoint</source>
        <translation>Diese API hat keinen Sandbox-Endpunkt</translation>
    </message>
    <message>
        <source>Target model (used when the client asks for it)</source>
        <translation>Zielmodell (wird verwendet, wenn der Client es anfordert)</translation>
    </message>
    <message>
        <source>Fallback models, tried in order</source>
        <translation>Ausweichmodelle, der Reihe nach versucht</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Not a configuration: %1</source>
        <translation>Keine Konfiguration: %1</translation>
    </message>
    <message>
        <source>Not a configuration: %1 must be a JSON object</source>
        <translation>Keine Konfiguration: %1 muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>%1: must be a number, not %2</source>
        <translation>%1: muss eine Zahl sein, nicht %2</translation>
    </message>
    <message>
        <source>%1[%2].weight: must be a number, not %3</source>
        <translation>%1[%2].weight: muss eine Zahl sein, nicht %3</translation>
    </message>
</context>
<context>
    <name>gatehouse::ModelShareChart</name>
    <message>
        <source>No requests yet: Execute or Repeat to see where the load goes</source>
        <translation>Noch keine Anfragen: „Ausführen“ oder „Wiederholen“ zeigt, wohin die Last geht</translation>
    </message>
    <message>
        <source> (weight %1%)</source>
        <translation> (Gewicht %1%)</translation>
    </message>
</context>
<context>
    <name>gatehouse::NewVersionDialog</name>
    <message>
        <source>Make this the default version</source>
        <translation>Zur Standardversion machen</translation>
    </message>
    <message>
        <source>Create New Version</source>
        <translation>Neue Version erstellen</translation>
    </message>
    <message>
        <source>Copies %1 %2 with its operations, endpoints (their keys stay in the secret store), policies and primary endpoints. The new version has its own base path and revisions, and is deployed on its own.</source>
        <translation>Kopiert %1 %2 mit ihren Operationen, Endpunkten (deren Schlüssel im Geheimnisspeicher bleiben), Richtlinien und primären Endpunkten. Die neue Version hat einen eigenen Basispfad und eigene Revisionen und wird eigenständig bereitgestellt.</translation>
    </message>
    <message>
        <source>Once deployed, the gateway also serves it at /%1/... without a version</source>
        <translation>Sobald sie bereitgestellt ist, liefert das Gateway sie auch unter /%1/... ohne Version aus</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>no secret store</source>
        <translation>kein Geheimnisspeicher</translation>
    </message>
</context>
<context>
    <name>gatehouse::OverviewPage</name>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Deprecate</source>
        <translation>Als veraltet markieren</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Außer Betrieb nehmen</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Demote to Created</source>
        <translation>Zurück auf „Erstellt“</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Gateway path:</source>
        <translation>Gateway-Pfad:</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <source>Lifecycle:</source>
        <translation>Lebenszyklus:</translation>
    </message>
    <message>
        <source>Name %1</source>
        <translation>Name %1</translation>
    </message>
    <message>
        <source>Rename API</source>
        <translation>API umbenennen</translation>
    </message>
    <message>
        <source>Edit description</source>
        <translation>Beschreibung bearbeiten</translation>
    </message>
    <message>
        <source>Change lifecycle to %1</source>
        <translation>Lebenszyklus auf „%1“ setzen</translation>
    </message>
</context>
<context>
    <name>gatehouse::PoliciesPage</name>
    <message>
        <source>Search policies</source>
        <translation>Richtlinien suchen</translation>
    </message>
    <message>
        <source>Drag policies from the palette onto a lane, or right-click a lane</source>
        <translation>Richtlinien aus der Palette auf eine Spur ziehen oder eine Spur rechts anklicken</translation>
    </message>
    <message>
        <source>Attach policy to the %1 flow</source>
        <translation>Richtlinie an Ablauf „%1“ anhängen</translation>
    </message>
    <message>
        <source>Attach policy...</source>
        <translation>Richtlinie anhängen...</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Bearbeiten...</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Select an operation</source>
        <translation>Wählen Sie eine Operation aus</translation>
    </message>
    <message>
        <source> (API level)</source>
        <translation> (API-Ebene)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Call the upstream endpoint</source>
        <translation>Upstream-Endpunkt aufrufen</translation>
    </message>
    <message>
        <source>  On errors: %1</source>
        <translation>  Bei Fehlern: %1</translation>
    </message>
    <message>
        <source>What runs</source>
        <translation>Was läuft</translation>
    </message>
    <message>
        <source>What runs for the selected operation</source>
        <translation>Was für die ausgewählte Operation läuft</translation>
    </message>
    <message>
        <source>Test guardrails</source>
        <translation>Guardrails testen</translation>
    </message>
    <message>
        <source>Run the attached guardrails over a prompt or an answer, before deploying</source>
        <translation>Die angehängten Guardrails vor dem Deployment auf einen Prompt oder eine Antwort anwenden</translation>
    </message>
</context>
<context>
    <name>gatehouse::PolicyConfigPanel</name>
    <message>
        <source>Apply to all resources</source>
        <translation>Auf alle Ressourcen anwenden</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Nothing attached</source>
        <translation>Nichts angehängt</translation>
    </message>
    <message>
        <source>Attach %1</source>
        <translation>%1 anhängen</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>%1 flow of %2</source>
        <translation>Ablauf „%1“ von %2</translation>
    </message>
    <message>
        <source>every operation (API level)</source>
        <translation>allen Operationen (API-Ebene)</translation>
    </message>
    <message>
        <source>Fix the errors above first</source>
        <translation>Beheben Sie zuerst die Fehler oben</translation>
    </message>
    <message numerus="yes">
        <source>%1 attached to %n resource(s)</source>
        <translation>
            <numerusform>%1 an %n Ressource angehängt</numerusform>
            <numerusform>%1 an %n Ressourcen angehängt</numerusform>
        </translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>übersprungen: %1</translation>
    </message>
    <message>
        <source>%1 attached to the %2 flow of %3</source>
        <translation>%1 an Ablauf „%2“ von %3 angehängt</translation>
    </message>
    <message>
        <source>the API</source>
        <translation>der API</translation>
    </message>
    <message>
        <source>%1 updated</source>
        <translation>%1 aktualisiert</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Paste from WSO2</source>
        <translation>Aus WSO2 einfügen</translation>
    </message>
    <message>
        <source>Fill the form from a configuration copied from WSO2&apos;s Publisher, its REST API or an apictl project</source>
        <translation>Das Formular aus einer Konfiguration füllen, die aus dem Publisher von WSO2, seiner REST-API oder einem apictl-Projekt kopiert wurde</translation>
    </message>
</context>
<context>
    <name>gatehouse::PolicyFlowModel</name>
    <message>
        <source>not configured</source>
        <translation>nicht konfiguriert</translation>
    </message>
    <message numerus="yes">
        <source>%1 with %n fallback(s)</source>
        <translation>
            <numerusform>%1 mit %n Ausweichmodell</numerusform>
            <numerusform>%1 mit %n Ausweichmodellen</numerusform>
        </translation>
    </message>
    <message>
        <source>no production models</source>
        <translation>keine Produktionsmodelle</translation>
    </message>
    <message>
        <source>API level (every operation)</source>
        <translation>API-Ebene (jede Operation)</translation>
    </message>
    <message>
        <source>%1 (drop policies here)</source>
        <translation>%1 (Richtlinien hier ablegen)</translation>
    </message>
    <message>
        <source>Drop policies on a Request, Response or Fault lane</source>
        <translation>Legen Sie Richtlinien auf einer Spur „Anfrage“, „Antwort“ oder „Fehler“ ab</translation>
    </message>
    <message>
        <source>An attached policy moves only within its own lane; remove it and attach it where you want it</source>
        <translation>Eine angehängte Richtlinie lässt sich nur innerhalb ihrer Spur verschieben; entfernen Sie sie und hängen Sie sie an der gewünschten Stelle an</translation>
    </message>
    <message>
        <source>Only policies can be dropped here</source>
        <translation>Hier können nur Richtlinien abgelegt werden</translation>
    </message>
    <message>
        <source>no operation %1</source>
        <translation>keine Operation %1</translation>
    </message>
    <message>
        <source>Attach %1</source>
        <translation>%1 anhängen</translation>
    </message>
    <message>
        <source>Attach %1 to all resources</source>
        <translation>%1 an alle Ressourcen anhängen</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
</context>
<context>
    <name>gatehouse::PolicyFlowView</name>
    <message>
        <source>Release to attach here</source>
        <translation>Loslassen, um hier anzuhängen</translation>
    </message>
    <message>
        <source>Operations and their policy flows</source>
        <translation>Operationen und ihre Richtlinien-Abläufe</translation>
    </message>
</context>
<context>
    <name>gatehouse::PolicyPaletteModel</name>
    <message>
        <source>Common Policies</source>
        <translation>Allgemeine Richtlinien</translation>
    </message>
    <message>
        <source>API Specific Policies</source>
        <translation>API-spezifische Richtlinien</translation>
    </message>
</context>
<context>
    <name>gatehouse::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Gatehouse uses the new language the next time it starts.</source>
        <translation>Gatehouse verwendet die neue Sprache beim nächsten Start.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
</context>
<context>
    <name>gatehouse::PromptPreview</name>
    <message>
        <source>Example request:</source>
        <translation>Beispielanfrage:</translation>
    </message>
    <message>
        <source>The model receives:</source>
        <translation>Das Modell erhält:</translation>
    </message>
    <message>
        <source>The example request is not JSON.</source>
        <translation>Die Beispielanfrage ist kein JSON.</translation>
    </message>
    <message>
        <source>The templates: %1</source>
        <translation>Die Vorlagen: %1</translation>
    </message>
    <message>
        <source>The client gets 400: %1</source>
        <translation>Der Client erhält 400: %1</translation>
    </message>
    <message>
        <source>The decoration: %1</source>
        <translation>Die Dekoration: %1</translation>
    </message>
    <message>
        <source>The JSON path: %1</source>
        <translation>Der JSON-Pfad: %1</translation>
    </message>
    <message>
        <source>The client gets 500 (900967): %1</source>
        <translation>Der Client erhält 500 (900967): %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ProviderDialog</name>
    <message>
        <source>Request model:</source>
        <translation>Modell (Anfrage):</translation>
    </message>
    <message>
        <source>Response model:</source>
        <translation>Modell (Antwort):</translation>
    </message>
    <message>
        <source>Prompt tokens:</source>
        <translation>Prompt-Token:</translation>
    </message>
    <message>
        <source>Completion tokens:</source>
        <translation>Completion-Token:</translation>
    </message>
    <message>
        <source>Total tokens:</source>
        <translation>Token gesamt:</translation>
    </message>
    <message>
        <source>Remaining tokens:</source>
        <translation>Verbleibende Token:</translation>
    </message>
    <message>
        <source>Edit Provider %1</source>
        <translation>Anbieter %1 bearbeiten</translation>
    </message>
    <message>
        <source>New Provider</source>
        <translation>Neuer Anbieter</translation>
    </message>
    <message>
        <source>Model locations</source>
        <translation>Fundstellen des Modells</translation>
    </message>
    <message>
        <source>Token-count locations</source>
        <translation>Fundstellen der Token-Zahlen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Add Provider</source>
        <translation>Anbieter hinzufügen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write this provider&apos;s definition to a JSON file (it holds no keys)</source>
        <translation>Die Definition dieses Anbieters in eine JSON-Datei schreiben (sie enthält keine Schlüssel)</translation>
    </message>
    <message>
        <source>General details</source>
        <translation>Allgemeine Angaben</translation>
    </message>
    <message>
        <source>e.g. Local vLLM</source>
        <translation>z. B. Lokales vLLM</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Names the provider in files and on the command line; follows the name until you edit it</source>
        <translation>Bezeichnet den Anbieter in Dateien und auf der Befehlszeile; folgt dem Namen, bis Sie die ID bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>API &amp;version:</source>
        <translation>API-&amp;Version:</translation>
    </message>
    <message>
        <source>Optional, e.g. http://localhost:8000/v1</source>
        <translation>Optional, z. B. http://localhost:8000/v1</translation>
    </message>
    <message>
        <source>Default &amp;base URL:</source>
        <translation>Standard-Basis-&amp;URL:</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Auth &amp;header:</source>
        <translation>Auth-&amp;Header:</translation>
    </message>
    <message>
        <source>The header&apos;s value; {key} stands for the backend key of each endpoint</source>
        <translation>Der Wert des Headers; {key} steht für den Backend-Schlüssel des jeweiligen Endpunkts</translation>
    </message>
    <message>
        <source>&amp;Value format:</source>
        <translation>&amp;Wertformat:</translation>
    </message>
    <message>
        <source>An API &amp;key is required</source>
        <translation>Ein API-&amp;Schlüssel ist erforderlich</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Nicht gemeldet</translation>
    </message>
    <message>
        <source>Header name</source>
        <translation>Header-Name</translation>
    </message>
    <message>
        <source>JSONPath, e.g. $.usage.total_tokens</source>
        <translation>JSONPath, z. B. $.usage.total_tokens</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Model name, e.g. llama-3.1-8b</source>
        <translation>Modellname, z. B. llama-3.1-8b</translation>
    </message>
    <message>
        <source>&amp;Add Model</source>
        <translation>&amp;Modell hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Double-click a model to rename it</source>
        <translation>Doppelklicken Sie auf ein Modell, um es umzubenennen</translation>
    </message>
    <message>
        <source>the custom provider %1 has this id already</source>
        <translation>der benutzerdefinierte Anbieter %1 hat diese ID bereits</translation>
    </message>
    <message>
        <source>Model %1: %2</source>
        <extracomment>%1 is a 1-based row of the model list, %2 what is wrong with it.</extracomment>
        <translation>Modell %1: %2</translation>
    </message>
    <message>
        <source>Fix the provider&apos;s problems before exporting it</source>
        <translation>Beheben Sie die Probleme des Anbieters, bevor Sie ihn exportieren</translation>
    </message>
    <message>
        <source>Export Provider</source>
        <translation>Anbieter exportieren</translation>
    </message>
    <message>
        <source>Provider definitions (*.json)</source>
        <translation>Anbieter-Definitionen (*.json)</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Nicht exportiert: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::PublisherView</name>
    <message>
        <source>Search APIs</source>
        <translation>APIs suchen</translation>
    </message>
    <message>
        <source>Create AI API...</source>
        <translation>KI-API erstellen...</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Select an API, or create one from a provider with Create AI API.</source>
        <translation>Wählen Sie eine API aus oder erstellen Sie mit „KI-API erstellen“ eine neue auf Basis eines Anbieters.</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>%1 erstellt</translation>
    </message>
    <message>
        <source>Delete API</source>
        <translation>API löschen</translation>
    </message>
    <message>
        <source>Delete %1 %2 with all its revisions? It stops being served at once. This cannot be undone.</source>
        <translation>%1 %2 mit allen Revisionen löschen? Die API wird sofort nicht mehr ausgeliefert. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Nicht gelöscht</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>APIs</source>
        <translation>APIs</translation>
    </message>
    <message>
        <source>New Version...</source>
        <translation>Neue Version...</translation>
    </message>
    <message>
        <source>Copy the selected API to a new version (WSO2&apos;s Create New Version)</source>
        <translation>Die ausgewählte API in eine neue Version kopieren („Create New Version“ von WSO2)</translation>
    </message>
    <message>
        <source>Created %1 %2</source>
        <translation>%1 %2 erstellt</translation>
    </message>
</context>
<context>
    <name>gatehouse::RedisClient</name>
    <message>
        <source>no answer from %1 within %2 ms</source>
        <translation>keine Antwort von %1 innerhalb von %2 ms</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>cannot connect to %1: out of memory</source>
        <translation>keine Verbindung zu %1: kein Speicher frei</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>keine Verbindung zu %1: %2</translation>
    </message>
    <message>
        <source>the connection to %1 is closing</source>
        <translation>die Verbindung zu %1 wird geschlossen</translation>
    </message>
    <message>
        <source>not connected to %1</source>
        <translation>nicht mit %1 verbunden</translation>
    </message>
    <message>
        <source>%1 refused the connection: %2</source>
        <translation>%1 hat die Verbindung abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 did not answer in time</source>
        <translation>%1 hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>%1 closed the connection</source>
        <translation>%1 hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>lost the connection to %1: %2</source>
        <translation>Verbindung zu %1 verloren: %2</translation>
    </message>
    <message>
        <source>lost the connection to %1</source>
        <translation>Verbindung zu %1 verloren</translation>
    </message>
</context>
<context>
    <name>gatehouse::RequestRunner</name>
    <message>
        <source>HTTP %1 without a body</source>
        <translation>HTTP %1 ohne Inhalt</translation>
    </message>
    <message>
        <source>Stopped before the answer was complete.</source>
        <translation>Angehalten, bevor die Antwort vollständig war.</translation>
    </message>
    <message>
        <source>No answer within %1 s.</source>
        <translation>Keine Antwort innerhalb von %1 s.</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
    <message>
        <source>The answer broke off: %1</source>
        <translation>Die Antwort brach ab: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ResourcesPage</name>
    <message>
        <source>Verb</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>/path/{parameter}</source>
        <translation>/path/{parameter}</translation>
    </message>
    <message>
        <source>Add resource</source>
        <translation>Ressource hinzufügen</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Auswahl entfernen</translation>
    </message>
    <message>
        <source>A resource path looks like /chat/completions or /models/{id}</source>
        <translation>Ein Ressourcenpfad hat die Form /chat/completions oder /models/{id}</translation>
    </message>
    <message>
        <source>%1 %2 exists already</source>
        <translation>%1 %2 gibt es bereits</translation>
    </message>
    <message>
        <source>Add resource %1 %2</source>
        <translation>Ressource %1 %2 hinzufügen</translation>
    </message>
    <message>
        <source>Remove resource %1</source>
        <translation>Ressource %1 entfernen</translation>
    </message>
</context>
<context>
    <name>gatehouse::ResultsTableModel</name>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>%1 prompt + %2 completion = %3 tokens</source>
        <translation>%1 Prompt + %2 Completion = %3 Token</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Miss</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Bypass</source>
        <translation>Umgangen</translation>
    </message>
    <message>
        <source>X-Cache-Status: %1</source>
        <translation>X-Cache-Status: %1</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
</context>
<context>
    <name>gatehouse::RouterTargetList</name>
    <message>
        <source>Add Model</source>
        <translation>Modell hinzufügen</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Remove this model</source>
        <translation>Dieses Modell entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <source>Model %1</source>
        <translation>Modell %1</translation>
    </message>
    <message>
        <source>Endpoint of model %1</source>
        <translation>Endpunkt von Modell %1</translation>
    </message>
    <message>
        <source>Weight of model %1</source>
        <translation>Gewicht von Modell %1</translation>
    </message>
    <message>
        <source>Remove model %1</source>
        <translation>Modell %1 entfernen</translation>
    </message>
</context>
<context>
    <name>gatehouse::SchemaForm</name>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Credit card number (Luhn-checked)</source>
        <translation>Kreditkartennummer (Luhn-geprüft)</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>IPv4 address</source>
        <translation>IPv4-Adresse</translation>
    </message>
    <message>
        <source>Add a common entity...</source>
        <translation>Übliche Entität hinzufügen …</translation>
    </message>
</context>
<context>
    <name>gatehouse::SharedStateDialog</name>
    <message>
        <source>Shared state</source>
        <translation>Geteilter Zustand</translation>
    </message>
    <message>
        <source>Local: each gateway keeps its own</source>
        <translation>Lokal: jedes Gateway behält seinen eigenen</translation>
    </message>
    <message>
        <source>Redis: replicas share it</source>
        <translation>Redis: Replikate teilen ihn</translation>
    </message>
    <message>
        <source>Open: keep serving, each replica counting alone</source>
        <translation>Offen: weiter bedienen, jedes Replikat zählt allein</translation>
    </message>
    <message>
        <source>Closed: answer 503 to requests with a quota</source>
        <translation>Geschlossen: Anfragen mit Kontingent mit 503 beantworten</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>stored in %1: type to replace</source>
        <translation>gespeichert in %1: zum Ersetzen eingeben</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>Replicas of the gateway on this workspace can share suspended models, plan quotas and dollar budgets through Redis (or Valkey). Gateways read this when they start; the one in the app restarts on OK.</source>
        <translation>Replikate des Gateways dieses Arbeitsbereichs können gesperrte Modelle, Tarifkontingente und Dollar-Budgets über Redis (oder Valkey) teilen. Gateways lesen dies beim Start; das Gateway in der App startet bei OK neu.</translation>
    </message>
    <message>
        <source>Backend:</source>
        <translation>Backend:</translation>
    </message>
    <message>
        <source>Redis URL:</source>
        <translation>Redis-URL:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Key prefix:</source>
        <translation>Schlüsselpräfix:</translation>
    </message>
    <message>
        <source>When Redis is away:</source>
        <translation>Wenn Redis fehlt:</translation>
    </message>
    <message>
        <source>Command timeout:</source>
        <translation>Befehls-Timeout:</translation>
    </message>
    <message>
        <source>The password could not be stored in %1: %2</source>
        <translation>Das Passwort konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Share the weighted rotation too (one Redis command per request)</source>
        <translation>Auch die gewichtete Rotation teilen (ein Redis-Befehl pro Anfrage)</translation>
    </message>
    <message>
        <source>Off, each replica rotates on its own: the shares still hold to within a request per replica.</source>
        <translation>Aus: Jedes Replikat rotiert für sich; die Anteile stimmen dennoch bis auf eine Anfrage je Replikat.</translation>
    </message>
</context>
<context>
    <name>gatehouse::TokenManager</name>
    <message>
        <source>HTTP %1 without a body</source>
        <translation>HTTP %1 ohne Inhalt</translation>
    </message>
    <message>
        <source>No gateway is set, so there is no token endpoint to ask.</source>
        <translation>Es ist kein Gateway festgelegt, daher gibt es keinen Token-Endpunkt, der angefragt werden könnte.</translation>
    </message>
    <message>
        <source>The application has no %1 consumer key and secret; generate its keys first.</source>
        <translation>Die Anwendung hat keinen %1-Consumer-Schlüssel und kein Consumer-Geheimnis; erzeugen Sie zuerst ihre Schlüssel.</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>Cannot get a token from %1: %2.</source>
        <translation>Von %1 kann kein Token abgerufen werden: %2.</translation>
    </message>
    <message>
        <source>The gateway refused the token request (HTTP %1): %2.</source>
        <translation>Das Gateway hat die Token-Anfrage abgelehnt (HTTP %1): %2.</translation>
    </message>
    <message>
        <source>The token endpoint at %1 answered without an access_token.</source>
        <translation>Der Token-Endpunkt unter %1 hat ohne access_token geantwortet.</translation>
    </message>
</context>
<context>
    <name>gatehouse::TryOutConsole</name>
    <message>
        <source>Get token</source>
        <translation>Token abrufen</translation>
    </message>
    <message>
        <source>Refresh automatically</source>
        <translation>Automatisch erneuern</translation>
    </message>
    <message>
        <source>Execute</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source> times</source>
        <translation> Mal</translation>
    </message>
    <message>
        <source> at once</source>
        <translation> gleichzeitig</translation>
    </message>
    <message>
        <source> ms apart</source>
        <translation> ms Abstand</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Copy as cURL</source>
        <translation>Als cURL kopieren</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>Exportieren...</translation>
    </message>
    <message>
        <source>with the token</source>
        <translation>mit Token</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>Anwendung:</translation>
    </message>
    <message>
        <source>Request body:</source>
        <translation>Anfrage-Body:</translation>
    </message>
    <message>
        <source>Where the load went (dashed: configured weight)</source>
        <translation>Verteilung der Last (gestrichelt: konfiguriertes Gewicht)</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>cURL command copied, with the token</source>
        <translation>cURL-Befehl mit Token kopiert</translation>
    </message>
    <message>
        <source>cURL command copied (token masked)</source>
        <translation>cURL-Befehl kopiert (Token maskiert)</translation>
    </message>
    <message>
        <source>Export run</source>
        <translation>Lauf exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Create an application and subscribe it first (Developer Portal &gt; Applications)</source>
        <translation>Erstellen Sie zuerst eine Anwendung und schließen Sie ein Abonnement ab (Entwicklerportal &gt; Anwendungen)</translation>
    </message>
    <message>
        <source>%1 has no %2 keys: generate them first</source>
        <translation>%1 hat keine Schlüssel für %2: Erzeugen Sie diese zuerst</translation>
    </message>
    <message>
        <source>No token yet</source>
        <translation>Noch kein Token</translation>
    </message>
    <message>
        <source>Token %1… expires in %2:%3</source>
        <translation>Token %1… läuft in %2:%3 ab</translation>
    </message>
    <message>
        <source>Token expired</source>
        <translation>Token abgelaufen</translation>
    </message>
    <message>
        <source>Choose an API and an operation</source>
        <translation>Wählen Sie eine API und eine Operation</translation>
    </message>
    <message>
        <source>The gateway is not running (Gateway mode)</source>
        <translation>Das Gateway läuft nicht (Gateway-Modus)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>%1 requests · %2 errors · %3 req/s · min %4 · avg %5 · p50 %6 · p90 %7 · p99 %8 · max %9 ms · %10</source>
        <translation>%1 Anfragen · %2 Fehler · %3 req/s · min %4 · Mittel %5 · p50 %6 · p90 %7 · p99 %8 · max %9 ms · %10</translation>
    </message>
    <message>
        <source> · first byte after %1 ms</source>
        <translation> · erstes Byte nach %1 ms</translation>
    </message>
    <message>
        <source>
— %1 chunks · first token after %2 ms · %3 tokens/s</source>
        <translation>
— %1 Chunks · erstes Token nach %2 ms · %3 Token/s</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>Schlüsseltyp</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Anfrage-Body</translation>
    </message>
    <message>
        <source>Number of requests to repeat</source>
        <translation>Anzahl der zu wiederholenden Anfragen</translation>
    </message>
    <message>
        <source>Requests at once</source>
        <translation>Gleichzeitige Anfragen</translation>
    </message>
    <message>
        <source>Pause between requests</source>
        <translation>Pause zwischen Anfragen</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Selected response</source>
        <translation>Ausgewählte Antwort</translation>
    </message>
    <message>
        <source>Streamed text</source>
        <translation>Gestreamter Text</translation>
    </message>
    <message>
        <source>Run summary</source>
        <translation>Zusammenfassung des Laufs</translation>
    </message>
    <message>
        <source>Send the request once (Ctrl+Return); the result is added to the ones above</source>
        <translation>Die Anfrage einmal senden (Strg+Eingabe); das Ergebnis kommt zu den obigen hinzu</translation>
    </message>
    <message numerus="yes">
        <source>Stopped; %n request(s) in the results</source>
        <translation>
            <numerusform>Gestoppt; %n Anfrage in den Ergebnissen</numerusform>
            <numerusform>Gestoppt; %n Anfragen in den Ergebnissen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in the results</source>
        <translation>
            <numerusform>%n Anfrage in den Ergebnissen</numerusform>
            <numerusform>%n Anfragen in den Ergebnissen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more request(s) queued</source>
        <translation>
            <numerusform>%n weitere Anfrage in der Warteschlange</numerusform>
            <numerusform>%n weitere Anfragen in der Warteschlange</numerusform>
        </translation>
    </message>
    <message>
        <source>Results cleared</source>
        <translation>Ergebnisse geleert</translation>
    </message>
    <message numerus="yes">
        <source> · %n answered from the cache</source>
        <translation>
            <numerusform> · %n aus dem Cache beantwortet</numerusform>
            <numerusform> · %n aus dem Cache beantwortet</numerusform>
        </translation>
    </message>
    <message>
        <source>Answered from the response cache: the model was not called.</source>
        <translation>Aus dem Antwort-Cache beantwortet: das Modell wurde nicht aufgerufen.</translation>
    </message>
</context>
<context>
    <name>gatehouse::UsageChart</name>
    <message>
        <source>Usage over time</source>
        <translation>Verbrauch im Zeitverlauf</translation>
    </message>
    <message>
        <source>No calls in this range: the chart fills as the gateway answers requests</source>
        <translation>Keine Aufrufe in diesem Zeitraum: Das Diagramm füllt sich, wenn das Gateway Anfragen beantwortet</translation>
    </message>
    <message>
        <source>UTC · %1 per bar</source>
        <extracomment>The time axis of the usage chart is in UTC, as the access logs are.</extracomment>
        <translation>UTC · %1 pro Balken</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Gesamt: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::UsageView</name>
    <message>
        <source>yyyy-MM-dd HH:mm &apos;UTC&apos;</source>
        <extracomment>Format of the usage view&apos;s range fields; the logs and the chart are in UTC.</extracomment>
        <translation>dd.MM.yyyy HH:mm &apos;UTC&apos;</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>CSV exportieren …</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>&amp;Bars:</source>
        <translation>&amp;Balken:</translation>
    </message>
    <message>
        <source>&amp;Stack by:</source>
        <translation>&amp;Stapeln nach:</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>An&amp;zeigen:</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Verbraucher</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>Prompt-Token</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>Completion-Token</translation>
    </message>
    <message>
        <source>Cached tokens</source>
        <translation>Token aus Cache</translation>
    </message>
    <message>
        <source>Total tokens</source>
        <translation>Token gesamt</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Im Zeitverlauf</translation>
    </message>
    <message>
        <source>Top consumers</source>
        <translation>Größte Verbraucher</translation>
    </message>
    <message>
        <source>Reading the access logs...</source>
        <translation>Die Zugriffsprotokolle werden gelesen …</translation>
    </message>
    <message numerus="yes">
        <source>%n log file(s) read in %1 ms (%2 MB scanned; the rest came from their indexes).</source>
        <extracomment>%n: log files, %1: milliseconds, %2: megabytes read from the logs themselves</extracomment>
        <translation>
            <numerusform>%n Protokolldatei in %1 ms gelesen (%2 MB durchsucht; der Rest kam aus ihren Indizes).</numerusform>
            <numerusform>%n Protokolldateien in %1 ms gelesen (%2 MB durchsucht; der Rest kam aus ihren Indizes).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) with estimated token counts (the upstream reported none).</source>
        <translation>
            <numerusform>%n Anfrage mit geschätzten Token-Zahlen (der Upstream meldete keine).</numerusform>
            <numerusform>%n Anfragen mit geschätzten Token-Zahlen (der Upstream meldete keine).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) at a model without a price: add it in Settings &gt; Model Prices.</source>
        <translation>
            <numerusform>%n Anfrage an ein Modell ohne Preis: Fügen Sie ihn unter Einstellungen &gt; Modellpreise hinzu.</numerusform>
            <numerusform>%n Anfragen an ein Modell ohne Preis: Fügen Sie ihn unter Einstellungen &gt; Modellpreise hinzu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged line(s) skipped.</source>
        <translation>
            <numerusform>%n beschädigte Zeile übersprungen.</numerusform>
            <numerusform>%n beschädigte Zeilen übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>errors (%1 %)</source>
        <translation>Fehler (%1 %)</translation>
    </message>
    <message>
        <source>tokens (%1 prompt, %2 completion)</source>
        <translation>Token (%1 Prompt, %2 Completion)</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>of prompt tokens from the cache</source>
        <translation>der Prompt-Token aus dem Cache</translation>
    </message>
    <message>
        <source>guardrail interventions</source>
        <translation>Eingriffe von Guardrails</translation>
    </message>
    <message>
        <source>(no model)</source>
        <translation>(kein Modell)</translation>
    </message>
    <message>
        <source>(not authenticated)</source>
        <translation>(nicht authentifiziert)</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export usage as CSV</source>
        <translation>Verbrauch als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Usage exported to %1</source>
        <translation>Verbrauch nach %1 exportiert</translation>
    </message>
    <message>
        <source>tokens saved by %1 cache hits ($%2)</source>
        <extracomment>%1 answers the response cache gave; %2 what the model would have charged for them.</extracomment>
        <translation>Tokens durch %1 Cache-Treffer eingespart (%2 $)</translation>
    </message>
</context>
<context>
    <name>gatehouse::Workspace</name>
    <message>
        <source>another program</source>
        <extracomment>Who holds the lock when the lock file does not say.</extracomment>
        <translation>ein anderes Programm</translation>
    </message>
    <message>
        <source>the workspace is locked by %1 (process %2 on %3); try again when it is done</source>
        <translation>der Arbeitsbereich ist durch %1 gesperrt (Prozess %2 auf %3); versuchen Sie es erneut, wenn der Vorgang abgeschlossen ist</translation>
    </message>
    <message>
        <source>cannot lock the workspace (%1)</source>
        <translation>der Arbeitsbereich kann nicht gesperrt werden (%1)</translation>
    </message>
    <message>
        <source>%1 is a file, not a workspace folder</source>
        <translation>%1 ist eine Datei, kein Arbeitsbereichsordner</translation>
    </message>
    <message>
        <source>%1: cannot create the workspace folder</source>
        <translation>%1: Der Arbeitsbereichsordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>no workspace is open</source>
        <translation>es ist kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>%1 is not empty and has no workspace.json: refusing to turn it into a workspace</source>
        <translation>%1 ist nicht leer und enthält keine workspace.json: Der Ordner wird nicht in einen Arbeitsbereich umgewandelt</translation>
    </message>
    <message>
        <source>$.id: &quot;%1&quot; does not match its folder &quot;%2&quot;</source>
        <translation>$.id: „%1“ passt nicht zum Ordner „%2“</translation>
    </message>
    <message>
        <source>provider id &quot;%1&quot; belongs to a built-in provider</source>
        <translation>die Anbieter-ID „%1“ gehört zu einem eingebauten Anbieter</translation>
    </message>
    <message>
        <source>invalid API id &quot;%1&quot;</source>
        <translation>ungültige API-ID „%1“</translation>
    </message>
    <message>
        <source>no API with id &quot;%1&quot;</source>
        <translation>keine API mit der ID „%1“</translation>
    </message>
    <message>
        <source>%1: cannot delete the folder</source>
        <translation>%1: Der Ordner kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>API %1 has no revision %2</source>
        <translation>API %1 hat keine Revision %2</translation>
    </message>
    <message>
        <source>$: says it is revision %1 of %2</source>
        <translation>$: gibt an, Revision %1 von %2 zu sein</translation>
    </message>
    <message>
        <source>invalid application id &quot;%1&quot;</source>
        <translation>ungültige Anwendungs-ID „%1“</translation>
    </message>
    <message>
        <source>no application with id &quot;%1&quot;</source>
        <translation>keine Anwendung mit der ID „%1“</translation>
    </message>
    <message>
        <source>no provider with id &quot;%1&quot;</source>
        <translation>kein Anbieter mit der ID „%1“</translation>
    </message>
    <message>
        <source>%1 is a built-in provider and cannot be deleted</source>
        <translation>%1 ist ein eingebauter Anbieter und kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>%1 is in use by %2; delete those APIs first</source>
        <extracomment>%1 is a provider&apos;s name, %2 the APIs created from it (&quot;SmartChat 1.0.0, ...&quot;).</extracomment>
        <translation>%1 wird von %2 verwendet; löschen Sie zuerst diese APIs</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Gatehouse: design AI APIs, attach model-routing policies, deploy them to a local gateway and try them out, in one window.</source>
        <translation>Gatehouse: KI-APIs entwerfen, Richtlinien für das Modell-Routing anhängen, die APIs auf einem lokalen Gateway bereitstellen und ausprobieren – alles in einem Fenster.</translation>
    </message>
    <message>
        <source>Open the workspace in &lt;folder&gt;.</source>
        <translation>Den Arbeitsbereich in &lt;Ordner&gt; öffnen.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Open the demo workspace: the SmartChat tutorial API on the built-in offline Demo provider (created on first use).</source>
        <translation>Den Demo-Arbeitsbereich öffnen: die Tutorial-API SmartChat auf dem eingebauten Offline-Demo-Anbieter (wird bei der ersten Verwendung angelegt).</translation>
    </message>
    <message>
        <source>Save a PNG of the main window to &lt;file&gt; once it is shown, then quit.</source>
        <translation>Das Hauptfenster nach dem Anzeigen als PNG in &lt;Datei&gt; speichern und dann beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Keep secrets in &lt;file&gt; (mode 0600) instead of the desktop keychain.</source>
        <translation>Geheimnisse in &lt;Datei&gt; (Modus 0600) statt im Desktop-Schlüsselbund aufbewahren.</translation>
    </message>
    <message>
        <source>Run the in-app gateway on &lt;host:port&gt; instead of the workspace&apos;s setting.</source>
        <translation>Das integrierte Gateway auf &lt;host:port&gt; statt mit der Einstellung des Arbeitsbereichs betreiben.</translation>
    </message>
    <message>
        <source>Print when the main window was first painted (for the benchmark), then quit.</source>
        <translation>Ausgeben, wann das Hauptfenster zum ersten Mal gezeichnet wurde (für den Benchmark), und dann beenden.</translation>
    </message>
    <message>
        <source>Cannot open the workspace %1: %2</source>
        <translation>Der Arbeitsbereich %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>%1; the gateway uses %2 instead</source>
        <extracomment>%1 is why the gateway could not listen on its usual address, %2 the address it uses.</extracomment>
        <translation>%1; das Gateway verwendet stattdessen %2</translation>
    </message>
    <message>
        <source>the gateway is not running: %1</source>
        <translation>das Gateway läuft nicht: %1</translation>
    </message>
    <message>
        <source>cannot write the screenshot %1</source>
        <translation>das Bildschirmfoto %1 kann nicht geschrieben werden</translation>
    </message>
</context>
</TS>
