-- wrk script: every request POSTs the same file.
-- Usage: wrk -s wrk-post.lua URL -- FILE [CONTENT-TYPE]
function init(args)
  local file = assert(io.open(args[1], "rb"), "cannot open " .. tostring(args[1]))
  wrk.method = "POST"
  wrk.body = file:read("*a")
  wrk.headers["Content-Type"] = args[2] or "text/plain; charset=utf-8"
  file:close()
end
