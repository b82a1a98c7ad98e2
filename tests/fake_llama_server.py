"""Stand-in for ``python -m llama_cpp.server`` in tests: same arguments, scripted answers.

``--model`` must be a file whose text is ``ok`` (serve) or ``crash`` (exit at once).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from conftest import ceplene_answer

from summarizer.testing import Reply, completion_body


def main() -> int:
    parser = argparse.ArgumentParser()
    for flag in ("--model", "--model_alias", "--host", "--port", "--n_ctx", "--n_threads",
                 "--n_threads_batch", "--logits_all", "--draft_model",
                 "--draft_model_num_pred_tokens"):
        parser.add_argument(flag)
    args = parser.parse_args()
    if Path(args.model).read_text().strip() == "crash":
        print("error: failed to load model", file=sys.stderr)
        return 1

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *a: Any) -> None:
            return

        def _send(self, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            self._send({"object": "list", "data": [{"id": "local", "object": "model"}]})

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["content-length"])))
            self._send(completion_body(body, Reply.answer(ceplene_answer())))

    time.sleep(0.3)  # a server is never ready at once
    ThreadingHTTPServer((args.host, int(args.port)), Handler).serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
