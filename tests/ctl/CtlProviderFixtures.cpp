// Test data kept out of tst_ctlproviders.cpp: moc skips a file whose raw-string JSON it cannot parse.
#include "CtlProviderFixtures.h"

// A local vLLM server, described as "provider export" writes it.
QByteArray vllmDefinition() {
    return QByteArrayLiteral(R"({
  "id": "local-vllm",
  "displayName": "Local vLLM",
  "description": "The GPU box under the desk",
  "apiVersion": "0.6.3",
  "defaultBaseUrl": "http://127.0.0.1:8000/v1",
  "auth": {"header": "Authorization", "valueFormat": "Bearer {key}", "in": "header", "keyRequired": false},
  "locations": {
    "requestModel": {"source": "payload", "identifier": "$.model"},
    "responseModel": {"source": "payload", "identifier": "$.model"},
    "promptTokens": {"source": "payload", "identifier": "$.usage.prompt_tokens"},
    "completionTokens": {"source": "payload", "identifier": "$.usage.completion_tokens"},
    "totalTokens": {"source": "payload", "identifier": "$.usage.total_tokens"},
    "remainingTokens": {"source": "header", "identifier": "x-ratelimit-remaining-tokens"}
  },
  "models": ["llama-3.1-8b", "qwen2.5-7b"],
  "operations": [{"verb": "POST", "path": "/chat/completions", "summary": "Chat"}]
})");
}
