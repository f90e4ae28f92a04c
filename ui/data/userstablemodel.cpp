#include "userstablemodel.h"

#include <algorithm>
#include <unordered_set>

namespace recforge::ui {

void UsersTableModel::datasetChanged()
{
    m_attributeNames.clear();
    if (!m_dataset)
        return;
    std::unordered_set<std::string> seen;
    for (const recforge::UserInfo &info : m_dataset->userInfo)
        for (const auto &attribute : info.attributes)
            if (seen.insert(attribute.first).second)
                m_attributeNames.push_back(attribute.first);
}

int UsersTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_dataset ? 0 : m_dataset->userCount();
}

int UsersTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + int(m_attributeNames.size());
}

QVariant UsersTableModel::data(const QModelIndex &index, int role) const
{
    if (!m_dataset || !index.isValid())
        return {};
    if (role != Qt::DisplayRole && role != SortRole && role != SearchRole)
        return {};
    const auto row = size_t(index.row());
    if (index.column() == 0)
        return QString::fromStdString(m_dataset->users.id(int32_t(row)));
    if (row >= m_dataset->userInfo.size())
        return QString();
    const std::string &name = m_attributeNames[size_t(index.column() - 1)];
    const auto &attributes = m_dataset->userInfo[row].attributes;
    const auto it = std::find_if(attributes.begin(), attributes.end(),
                                 [&](const auto &a) { return a.first == name; });
    return it == attributes.end() ? QString() : QString::fromStdString(it->second);
}

QVariant UsersTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section == 0)
        return tr("User");
    if (section - 1 < int(m_attributeNames.size()))
        return QString::fromStdString(m_attributeNames[size_t(section - 1)]);
    return {};
}

} // namespace recforge::ui
