---@meta net
---Network probes and HTTP (libcurl built into sloth; proxies from `http_proxy`/`https_proxy`/`no_proxy`,
---CAs from the system store). A failed connection, DNS lookup or TLS handshake raises an error naming
---the URL; an HTTP error status does not raise (check `status`). `net.ping` runs the `ping` command
---found on PATH and raises `net.ping: ping not found on PATH` without it.
net = {}

---@class (exact) net.Response
---@field status integer  HTTP status code, e.g. 200.
---@field body string  The response body.
---@field headers table<string, string>  Response headers, names in lower case (repeated headers joined with `, `).

---@class (exact) net.DownloadResult
---@field changed boolean  Whether the destination's content changed.
---@field path string  The destination file.
---@field size integer  Size of the file in bytes.

---Returns whether the host answers an ICMP echo (the `ping` command, one probe, a few seconds at most).
---@param host string  Host name or IP address.
---@return boolean
---@effect net
---@plan "ping {host}"
function net.ping(host) end

---Returns whether a TCP connection to host:port succeeds within a few seconds.
---@param host string  Host name or IP address.
---@param port integer  TCP port.
---@return boolean
---@effect net
---@plan "probe {host}:{port}"
function net.port_open(host, port) end

---Sends an HTTP GET (following redirects) and returns the status, body and headers.
---@param url string  The URL.
---@return net.Response
---@effect net
---@plan "GET {url}"
function net.http_get(url) end

---Downloads a URL to a file; raises on an HTTP error status; an identical existing file is left alone.
---@param url string  The URL.
---@param destination string  The file to write.
---@return net.DownloadResult
---@effect write
---@plan "download {url} to {destination}"
function net.download(url, destination) end
