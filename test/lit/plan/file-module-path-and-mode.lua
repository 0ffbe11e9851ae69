-- RUN: %slothc plan %s | FileCheck %s
-- slothc plan shows each write of the file module with its path and mode.
file.write("/etc/app/app.conf", "port=8080\n")
file.copy("files/app.service", "/etc/systemd/system/app.service",
  { owner = "root", group = "root", mode = "0644" })
file.chmod("/usr/local/bin/app", "0755")
file.create("/var/lib/app/token", { content = "", mode = "0600", owner = "app" })
file.chown("/var/lib/app", "app", "app")
template.render("templates/nginx.conf.j2", "/etc/nginx/conf.d/app.conf", { port = 8080 })
-- CHECK:        ~ write /etc/app/app.conf
-- CHECK-NEXT:       file.write at {{.*}}file-module-path-and-mode.lua:3
-- CHECK-NEXT:       path = "/etc/app/app.conf"
-- CHECK-NEXT:       content = "port=8080\n"
-- CHECK:        ~ copy files/app.service to /etc/systemd/system/app.service
-- CHECK-NEXT:       file.copy at {{.*}}file-module-path-and-mode.lua:4
-- CHECK-NEXT:       source = "files/app.service"
-- CHECK-NEXT:       destination = "/etc/systemd/system/app.service"
-- CHECK-NEXT:       options.owner = "root"
-- CHECK-NEXT:       options.group = "root"
-- CHECK-NEXT:       options.mode = "0644"
-- CHECK:        ~ chmod 0755 /usr/local/bin/app
-- CHECK-NEXT:       file.chmod at {{.*}}file-module-path-and-mode.lua:6
-- CHECK-NEXT:       path = "/usr/local/bin/app"
-- CHECK-NEXT:       mode = "0755"
-- CHECK:        + create /var/lib/app/token
-- CHECK:            options.mode = "0600"
-- CHECK:        ~ chown app:app /var/lib/app
-- CHECK:        ~ render templates/nginx.conf.j2 to /etc/nginx/conf.d/app.conf
-- CHECK-NEXT:       template.render at {{.*}}file-module-path-and-mode.lua:9
-- CHECK-NEXT:       source = "templates/nginx.conf.j2"
-- CHECK-NEXT:       destination = "/etc/nginx/conf.d/app.conf"
-- CHECK-NEXT:       vars.port = 8080
