import SMTPProbe

print("scripted-smtpd: not yet wired")
