/// The same refusals in French, German, Spanish, Portuguese, Italian, Russian, Japanese and
/// Chinese, as providers in those countries send them.
///
/// Phrases are written as servers write them, with and without accents (many servers strip
/// them to stay within ASCII, RFC 5321 section 4.2); `PatternText` lowercases Latin-1 and
/// Cyrillic letters, so case does not matter. Each pattern speaks the catalogue's words for its
/// category: the reply's own language only decides which category it is.
extension ReplyPatterns {
  enum LanguageSource {
    static let sisimai =
      "sisimai lib/Sisimai/Rhost/*.pm and lib/Sisimai/Lhost/*.pm (non-English replies in its test bounces)"
    static let orange = "https://assistance.orange.fr (Orange/Wanadoo SMTP error texts)"
    static let gmx = "https://postmaster.gmx.net/de/fehlermeldungen (GMX/WEB.DE, German texts)"
    static let yandex = "https://yandex.ru/support/mail/ (Yandex bounce texts)"
    static let mailru = "https://help.mail.ru/mail/ (Mail.ru bounce texts)"
    static let qq = "https://service.mail.qq.com (QQ Mail bounce help pages)"
    static let netease = "https://help.mail.163.com (NetEase 163.com error codes)"
    static let japan =
      "docomo/au/SoftBank postmaster pages and sisimai lib/Sisimai/Lhost/{Biglobe,EZweb}.pm"
    static let uol = "https://sac.uol.com.br (UOL/BOL bounce texts, Portuguese)"
    static let libero = "https://aiuto.libero.it (Libero/Italiaonline bounce texts)"
    static let telefonica = "Telefonica/Movistar and Terra bounce texts (Spanish), sisimai set"
    static let coremail =
      "https://blog.sina.com.cn/s/blog_8dc13ec50101fxxr.html (Coremail SMTP reply list)"
  }

  static let languages: [ReplyPattern] = [
    ReplyPattern(
      id: "foreign-relay-denied", category: .relayDenied,
      phrases: [
        "relais refusé", "relais refuse", "relayage refusé", "relayage interdit",
        "relais interdit", "relaying nicht erlaubt", "relay nicht erlaubt",
        "relaying verweigert", "relay no permitido", "relay denegado", "reenvío no permitido",
        "relay não permitido", "relay nao permitido", "relay negado", "relay non permesso",
        "relay non consentito", "relay non autorizzato", "пересылка запрещена",
        "релей запрещен", "ретрансляция запрещена", "中継は許可されていません", "中継拒否",
        "不允许转发", "禁止转发", "中继被拒绝",
      ],
      source: "\(LanguageSource.sisimai); \(LanguageSource.orange); \(LanguageSource.gmx)"),
    ReplyPattern(
      id: "foreign-greylisted", category: .greylisted,
      phrases: [
        "liste grise", "mis en attente", "graue liste", "graylisting", "lista gris",
        "lista cinza", "lista grigia", "серый список", "грейлистинг", "グレイリスト",
        "グレーリスト", "灰名单",
      ],
      classes: [4], retry: .afterFix,
      source: "\(LanguageSource.sisimai); \(LanguageSource.yandex)"),
    ReplyPattern(
      id: "foreign-reverse-dns", category: .rdnsFail,
      phrases: [
        "dns inverse", "reverse dns manquant", "pas de ptr", "kein reverse", "kein ptr",
        "reverse-dns fehlt", "dns inverso", "resolución inversa", "resolucion inversa",
        "dns reverso", "sem ptr", "обратной зоны", "обратная зона", "ptr-запис",
        "ptr запис", "обратного dns", "逆引き", "反向解析", "反向dns", "反向域名",
      ],
      transientRetry: .afterFix,
      source: "\(LanguageSource.sisimai); \(LanguageSource.mailru); \(LanguageSource.japan)"),
    ReplyPattern(
      id: "foreign-auth-required", category: .authRequired,
      phrases: [
        "authentification requise", "authentification obligatoire",
        "authentifizierung erforderlich", "anmeldung erforderlich",
        "autenticación requerida", "autenticacion requerida", "se requiere autenticación",
        "autenticação obrigatória", "autenticacao obrigatoria", "autenticação necessária",
        "autenticazione richiesta", "autenticazione obbligatoria", "требуется авторизация",
        "требуется аутентификация", "認証が必要", "smtp認証", "需要认证", "需要身份验证",
        "请先登录", "请先认证",
      ],
      commands: [.greeting, .ehlo, .helo, .mail, .rcpt, .data, .endOfData, .bdat],
      transientRetry: .afterFix,
      source: "\(LanguageSource.sisimai); \(LanguageSource.gmx); \(LanguageSource.qq)"),
    ReplyPattern(
      id: "foreign-auth-failed", category: .authFailed,
      phrases: [
        "authentification échouée", "échec d'authentification", "echec d'authentification",
        "mot de passe incorrect", "authentifizierung fehlgeschlagen", "falsches passwort",
        "autenticación fallida", "contraseña incorrecta", "falha na autenticação",
        "senha incorreta", "autenticazione fallita", "password errata", "неверный пароль",
        "ошибка авторизации", "ошибка аутентификации", "認証に失敗", "认证失败", "密码错误",
        "登录失败",
      ],
      commands: [.auth],
      source: "\(LanguageSource.sisimai); \(LanguageSource.qq); \(LanguageSource.netease)"),
    ReplyPattern(
      id: "foreign-mailbox-full", category: .mailboxFull,
      phrases: [
        "boîte pleine", "boite pleine", "boîte aux lettres pleine", "boite aux lettres pleine",
        "quota dépassé", "quota depasse", "postfach voll", "postfach ist voll", "mailbox voll",
        "speicherplatz", "quota überschritten", "buzón lleno", "buzon lleno",
        "cuota excedida", "caixa postal cheia", "caixa de correio cheia", "cota excedida",
        "casella piena", "quota superata", "ящик переполнен", "переполнен",
        "容量オーバー", "容量超過", "邮箱已满", "邮箱空间不足", "郵箱已滿", "空间不足",
      ],
      commands: addressSteps,
      source:
        "\(LanguageSource.orange); \(LanguageSource.gmx); \(LanguageSource.mailru); \(LanguageSource.netease)"
    ),
    ReplyPattern(
      id: "foreign-mailbox-disabled", category: .mailboxDisabled,
      phrases: [
        "compte désactivé", "compte desactive", "boîte désactivée", "boite desactivee",
        "compte suspendu", "konto deaktiviert", "postfach deaktiviert", "konto gesperrt",
        "postfach gesperrt", "cuenta desactivada", "cuenta suspendida", "buzón desactivado",
        "conta desativada", "conta suspensa", "conta bloqueada", "caixa postal desativada",
        "account disabilitato", "casella disabilitata", "account sospeso",
        "ящик заблокирован", "ящик отключен", "учетная запись отключена", "аккаунт заблокирован",
        "利用停止", "停止中", "已被禁用", "已停用", "已冻结", "被冻结",
      ],
      commands: addressSteps,
      source: "\(LanguageSource.sisimai); \(LanguageSource.uol); \(LanguageSource.qq)"),
    ReplyPattern(
      id: "foreign-domain-unknown", category: .domainUnknown,
      phrases: [
        "domaine inconnu", "domaine inexistant", "domain unbekannt", "unbekannte domain",
        "domain existiert nicht", "dominio desconocido", "dominio no existe",
        "dominio inexistente", "domínio inexistente", "domínio desconhecido",
        "dominio sconosciuto", "домен не существует", "неизвестный домен",
        "ドメインが存在しません", "域名不存在",
      ],
      commands: addressSteps,
      source: "\(LanguageSource.sisimai); \(LanguageSource.orange)"),
    ReplyPattern(
      id: "foreign-user-unknown", category: .mailboxUnknown,
      phrases: [
        "utilisateur inconnu", "adresse inconnue", "destinataire inconnu",
        "adresse inexistante", "boîte aux lettres inexistante", "boite aux lettres inexistante",
        "n'existe pas", "benutzer unbekannt", "unbekannter benutzer", "empfänger unbekannt",
        "empfaenger unbekannt", "unbekannter empfänger", "existiert nicht",
        "postfach nicht vorhanden", "nicht vorhanden", "usuario desconocido",
        "usuario no existe", "no existe el usuario", "buzón no existe", "buzon no existe",
        "destinatario desconocido", "la cuenta no existe", "no existe",
        "usuário desconhecido", "usuario desconhecido", "utilizador desconhecido",
        "caixa postal inexistente", "conta não existe", "conta nao existe",
        "destinatário desconhecido", "não existe", "nao existe", "utente sconosciuto",
        "utente inesistente", "casella inesistente", "destinatario sconosciuto",
        "indirizzo inesistente", "non esiste", "пользователь не найден",
        "нет такого пользователя", "почтовый ящик не существует", "адрес не существует",
        "неизвестный пользователь", "нет такого ящика", "не существует", "宛先不明",
        "存在しない", "ユーザが存在しません", "ユーザーが存在しません", "用户不存在",
        "收件人不存在", "邮箱不存在", "帐户不存在", "账户不存在", "該用戶不存在", "用戶不存在",
      ],
      commands: addressSteps,
      source:
        "\(LanguageSource.sisimai); \(LanguageSource.orange); \(LanguageSource.gmx); \(LanguageSource.yandex); \(LanguageSource.mailru); \(LanguageSource.qq); \(LanguageSource.japan); \(LanguageSource.uol); \(LanguageSource.libero); \(LanguageSource.telefonica)"
    ),
    ReplyPattern(
      id: "foreign-message-too-large", category: .messageTooLarge,
      phrases: [
        "message trop volumineux", "message trop gros", "taille maximale",
        "nachricht zu gross", "mail zu gross", "grösse überschritten", "mensaje demasiado grande",
        "tamaño máximo", "mensagem muito grande", "tamanho máximo", "messaggio troppo grande",
        "dimensione massima", "слишком большой", "превышен размер", "サイズが大きすぎ",
        "サイズオーバー", "邮件过大", "邮件大小超过", "邮件太大",
      ],
      source: "\(LanguageSource.sisimai); \(LanguageSource.gmx); \(LanguageSource.netease)"),
    ReplyPattern(
      id: "foreign-ip-blocked", category: .blocklistedIP,
      phrases: [
        "liste noire", "adresse ip bloquée", "adresse ip bloquee", "ip bloquée",
        "mauvaise réputation", "mauvaise reputation", "schwarze liste", "sperrliste",
        "ip-adresse blockiert", "ip-adresse gesperrt", "ip gesperrt", "lista negra",
        "dirección ip bloqueada", "direccion ip bloqueada", "ip bloqueada",
        "endereço ip bloqueado", "ip bloqueado", "lista nera", "indirizzo ip bloccato",
        "ip bloccato", "черный список", "чёрный список", "ip-адрес заблокирован",
        "ip адрес заблокирован", "ブラックリスト", "黑名单", "ip地址被", "ip被封",
      ],
      source:
        "\(LanguageSource.orange) (\"adresse IP ... bloquée\", OFR codes); \(LanguageSource.gmx); \(LanguageSource.sisimai); \(LanguageSource.qq)"
    ),
    ReplyPattern(
      id: "foreign-rate-limited", category: .rateLimited,
      phrases: [
        "trop de connexions", "trop de messages", "zu viele verbindungen",
        "zu viele nachrichten", "demasiadas conexiones", "demasiados mensajes",
        "muitas conexões", "muitas conexoes", "troppe connessioni", "troppi messaggi",
        "слишком много", "多すぎ", "发送频率", "过于频繁", "频率过快",
      ],
      source: "\(LanguageSource.orange); \(LanguageSource.gmx); \(LanguageSource.qq)"),
    ReplyPattern(
      id: "foreign-spam", category: .policySpamContent,
      phrases: [
        "courrier indésirable", "courrier indesirable", "considéré comme spam",
        "considere comme spam", "spamverdacht", "als spam", "unerwünscht",
        "correo no deseado", "considerado spam", "considerado como spam", "lixo eletrônico",
        "considerato spam", "posta indesiderata", "спам", "迷惑メール", "スパム", "垃圾邮件",
        "垃圾郵件",
      ],
      source:
        "\(LanguageSource.sisimai); \(LanguageSource.gmx); \(LanguageSource.yandex); \(LanguageSource.netease)"
    ),
  ]
}
