"""Copy held for review: drafts the service was not sure enough to publish unedited."""
