// The ceiling: the smallest useful Node HTTP server, on the same machine.
import http from "node:http";

const body = Buffer.from("<!doctype html><html lang=en><title>ok</title><p>ok</p></html>");
http
  .createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
    response.end(body);
  })
  .listen(Number(process.argv[2] ?? 3299), "127.0.0.1");
