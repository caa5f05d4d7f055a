import SMTPProbe

print("smtpprobe: not yet wired")
