/// Fixed test certificates (generated once with the openssl CLI; EC P-256, no private keys).
///
/// Each text ends with a newline, so they can be concatenated into a chain.
///
/// - `ca`: "Fixture CA", self-signed root, valid 2026-11-22 to 2046-11-17.
/// - `leaf`: CN mx.probe.test issued by the CA, SAN DNS:mx.probe.test, DNS:*.wild.probe.test,
///   IP:127.0.0.1, valid 2025-01-01 to 2045-01-01, serial 01.
/// - `selfSigned`: CN self.probe.test, SAN DNS:self.probe.test, self-signed.
enum TestCertificates {
  static let ca = """
    -----BEGIN CERTIFICATE-----
    MIIByjCCAW+gAwIBAgIUfEA3BTViVk03pZpqTlTq4X/0IgswCgYIKoZIzj0EAwIw
    MjEbMBkGA1UECgwSc210cHByb2JlIGZpeHR1cmVzMRMwEQYDVQQDDApGaXh0dXJl
    IENBMB4XDTI2MTEyMjIzMDEzNVoXDTQ2MTExNzIzMDEzNVowMjEbMBkGA1UECgwS
    c210cHByb2JlIGZpeHR1cmVzMRMwEQYDVQQDDApGaXh0dXJlIENBMFkwEwYHKoZI
    zj0CAQYIKoZIzj0DAQcDQgAEQXEm131aClfQpFZSGe2kOiJc+tW6fLuV5zdmXDMi
    qD1UG6ivOEj6EJtyPvpmfz82FhzelijcPXnGBRUBaN/N46NjMGEwHQYDVR0OBBYE
    FNRWo5lovH32UHW3W9mGdHURhT/VMB8GA1UdIwQYMBaAFNRWo5lovH32UHW3W9mG
    dHURhT/VMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMAoGCCqGSM49
    BAMCA0kAMEYCIQCPRDFRwCt6/3WSjIEeZ/9UVh0Qyi6YmyFFavaZGNkoHgIhAITx
    CTVjJQoUZhhtHgE4VJ9wyzpvNlWOODtBrOol1A0/
    -----END CERTIFICATE-----

    """

  static let leaf = """
    -----BEGIN CERTIFICATE-----
    MIIB8DCCAZagAwIBAgIBATAKBggqhkjOPQQDAjAyMRswGQYDVQQKDBJzbXRwcHJv
    YmUgZml4dHVyZXMxEzARBgNVBAMMCkZpeHR1cmUgQ0EwHhcNMjUwMTAxMDAwMDAw
    WhcNNDUwMTAxMDAwMDAwWjA1MRYwFAYDVQQDDA1teC5wcm9iZS50ZXN0MRswGQYD
    VQQKDBJzbXRwcHJvYmUgZml4dHVyZXMwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNC
    AATmzqOa1+wY0VN0QY6M1HZHu5Etq8nfUOS+ro5a2jnTkVRAevuf0SHjyPlj+4Vj
    QJ4bv0qR7/crvrjklSJtbpA3o4GZMIGWMAwGA1UdEwEB/wQCMAAwEwYDVR0lBAww
    CgYIKwYBBQUHAwEwMQYDVR0RBCowKIINbXgucHJvYmUudGVzdIIRKi53aWxkLnBy
    b2JlLnRlc3SHBH8AAAEwHQYDVR0OBBYEFIQklN5DUM1b7qvp0bQ0zkSqNcvYMB8G
    A1UdIwQYMBaAFNRWo5lovH32UHW3W9mGdHURhT/VMAoGCCqGSM49BAMCA0gAMEUC
    IQC+FV6lUyVDnMDbQFkWwCLpc1QExduUbHFpqrj++s3sKwIgRBX6jrNDoVrx/AcT
    XBkVNfSYP8XiUwlf+wqksZ1/cYY=
    -----END CERTIFICATE-----

    """

  static let selfSigned = """
    -----BEGIN CERTIFICATE-----
    MIIBpTCCAUugAwIBAgIUMRauos5/STGbrVPBpKL3etqxZQQwCgYIKoZIzj0EAwIw
    GjEYMBYGA1UEAwwPc2VsZi5wcm9iZS50ZXN0MB4XDTI2MTEyMjIzMDEzNVoXDTQ2
    MTExNzIzMDEzNVowGjEYMBYGA1UEAwwPc2VsZi5wcm9iZS50ZXN0MFkwEwYHKoZI
    zj0CAQYIKoZIzj0DAQcDQgAE25sMxaYe4In0U5ximMvCX2U2cqeAexcLe8zX7HRQ
    RUYFKxY087gIC8pZz4Gbh1LvRY1iSUcqd1adTGEJXYhVtqNvMG0wHQYDVR0OBBYE
    FK3nfWzC8uLoi2Bqj3PWq/mNDx+nMB8GA1UdIwQYMBaAFK3nfWzC8uLoi2Bqj3PW
    q/mNDx+nMA8GA1UdEwEB/wQFMAMBAf8wGgYDVR0RBBMwEYIPc2VsZi5wcm9iZS50
    ZXN0MAoGCCqGSM49BAMCA0gAMEUCIQCbE1milgbVoVwqFbQiUs0G7IcAfrinkuF9
    fVoQYSQZ6gIgZjYl6wy9gI96wRsFIK+vIx5Qlq/Qf7vriwRqFE72260=
    -----END CERTIFICATE-----

    """
}
