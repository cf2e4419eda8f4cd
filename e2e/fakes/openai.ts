/**
 * A local stand-in for OpenAI's chat-completions API, so the planner and drafts are tested against
 * the wire format they will meet. Contract: OpenAI API reference, "Create chat completion"
 * (POST /v1/chat/completions: model, messages, tools, tool_choice, stream, stream_options), the
 * chat.completion and chat.completion.chunk objects (choices[].message.tool_calls[].function
 * {name, arguments}, finish_reason, usage {prompt_tokens, completion_tokens, total_tokens}), SSE
 * streaming ending with `data: [DONE]`, and the error object {error: {message, type, param, code}}
 * with 401 invalid_api_key and 429 rate_limit_exceeded + Retry-After.
 *
 * prompt_tokens are counted with the o200k_base tokenizer over the messages and the tool
 * definitions (OpenAI adds a few tokens of framing per message; those are not modelled).
 *
 * Replies are scripted by tests: POST /__fake/script with a list of replies; with none queued the
 * "model" declines. GET /__fake/requests lists what it was sent; POST /__fake/reset clears both.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';

export type FakeReply =
  | { tool: { name: string; arguments: unknown } }
  | { content: string }
  | { status: 429 | 500 | 503; retryAfter?: number };

export type RecordedRequest = { body: ChatRequest; promptTokens: number; authorization?: string };

type ChatRequest = {
  model?: string;
  messages?: { role: string; content?: string | null }[];
  tools?: unknown[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
};

export type FakeOpenAI = { url: string; key: string; close: () => Promise<void> };

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};
const error = (res: ServerResponse, status: number, code: string, message: string, type: string, headers = {}) =>
  json(res, status, { error: { message, type, param: null, code } }, headers);

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

export async function startFakeOpenAI({ key = 'sk-test-estait', port = 0 } = {}): Promise<FakeOpenAI> {
  let script: FakeReply[] = [];
  const requests: RecordedRequest[] = [];

  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const raw = await readBody(req);
    if (path === '/__fake/script' && req.method === 'POST') {
      script.push(...(JSON.parse(raw) as FakeReply[]));
      return json(res, 200, { queued: script.length });
    }
    if (path === '/__fake/requests') return json(res, 200, requests);
    if (path === '/__fake/reset') {
      script = [];
      requests.length = 0;
      return json(res, 200, {});
    }
    if (path !== '/v1/chat/completions' || req.method !== 'POST')
      return error(res, 404, 'unknown_url', `Unknown request URL: ${req.method} ${path}`, 'invalid_request_error');
    if (req.headers.authorization !== `Bearer ${key}`) {
      return error(res, 401, 'invalid_api_key', 'Incorrect API key provided.', 'invalid_request_error');
    }
    let body: ChatRequest;
    try {
      body = JSON.parse(raw) as ChatRequest;
    } catch {
      return error(res, 400, 'invalid_json', 'We could not parse the JSON body of your request.', 'invalid_request_error');
    }
    if (!body.model || !Array.isArray(body.messages) || body.messages.length === 0) {
      return error(res, 400, 'missing_required_parameter', 'model and messages are required.', 'invalid_request_error');
    }
    const promptTokens =
      encode(JSON.stringify(body.messages.map((m) => [m.role, m.content ?? '']))).length +
      (body.tools ? encode(JSON.stringify(body.tools)).length : 0);
    requests.push({ body, promptTokens, authorization: req.headers.authorization });

    const reply =
      script.shift() ??
      (body.tools
        ? { tool: { name: 'decline', arguments: { reason: 'no scripted reply' } } }
        : { content: 'Hi, just following up. Let me know a good time to talk.' });
    if ('status' in reply) {
      const headers: Record<string, string> = reply.retryAfter !== undefined ? { 'retry-after': String(reply.retryAfter) } : {};
      return reply.status === 429
        ? error(res, 429, 'rate_limit_exceeded', 'Rate limit reached for requests.', 'requests', headers)
        : error(
            res,
            reply.status,
            'server_error',
            'The server had an error while processing your request.',
            'server_error',
            headers,
          );
    }

    const id = `chatcmpl-${requests.length}`;
    const created = Math.floor(Date.now() / 1000);
    const message =
      'tool' in reply
        ? {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: `call_${requests.length}`,
                type: 'function',
                function: {
                  name: reply.tool.name,
                  arguments:
                    typeof reply.tool.arguments === 'string' ? reply.tool.arguments : JSON.stringify(reply.tool.arguments),
                },
              },
            ],
          }
        : { role: 'assistant', content: reply.content };
    const completionTokens = encode(JSON.stringify(message)).length;
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    };
    const finish = 'tool' in reply ? 'tool_calls' : 'stop';

    if (!body.stream) {
      return json(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model: body.model,
        choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
        usage,
      });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const chunk = (choices: unknown[], extra = {}) =>
      res.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices, ...extra })}\n\n`,
      );
    chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
    if ('content' in reply) {
      for (const piece of reply.content.match(/\S+\s*/g) ?? [])
        chunk([{ index: 0, delta: { content: piece }, finish_reason: null }]);
    } else {
      chunk([{ index: 0, delta: { tool_calls: [{ index: 0, ...message.tool_calls?.[0] }] }, finish_reason: null }]);
    }
    chunk([{ index: 0, delta: {}, finish_reason: finish }]);
    if (body.stream_options?.include_usage) chunk([], { usage });
    res.end('data: [DONE]\n\n');
  });

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the fake OpenAI server has no port');
  server.unref();
  return { url: `http://127.0.0.1:${address.port}/v1`, key, close: () => new Promise((r) => server.close(() => r())) };
}
